package io.carebook.notifications;

import jakarta.mail.MessagingException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** E-mail over the platform's SMTP server ({@code spring.mail.*}); none set up, none sent. */
@Component
class EmailChannel implements Channel {

  private final ObjectProvider<JavaMailSender> mail;
  private final String from;

  EmailChannel(
      ObjectProvider<JavaMailSender> mail,
      @Value("${carebook.notifications.email-from:Carebook <no-reply@carebook.local>}")
          String from) {
    this.mail = mail;
    this.from = from;
  }

  @Override
  public MessageChannel channel() {
    return MessageChannel.EMAIL;
  }

  @Override
  public boolean ready(ChannelSettings settings) {
    return mail.getIfAvailable() != null;
  }

  @Override
  public Sent send(Outbox.Row row, ChannelSettings settings) throws DeliveryFailed {
    var sender = mail.getObject();
    var message = row.message();
    try {
      var mime = sender.createMimeMessage();
      var helper = new MimeMessageHelper(mime, "UTF-8");
      helper.setFrom(from);
      helper.setTo(message.recipient());
      helper.setSubject(message.subject());
      helper.setText(message.body());
      mime.setHeader("X-Carebook-Message-Id", message.id().toString());
      sender.send(mime);
      return new Sent("smtp", message.id().toString());
    } catch (MessagingException e) {
      throw new DeliveryFailed("Invalid e-mail: " + e.getMessage(), false);
    } catch (MailException e) {
      throw new DeliveryFailed("SMTP: " + e.getMessage(), true);
    }
  }
}
