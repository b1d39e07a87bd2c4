package io.carebook.notifications;

import io.carebook.scheduling.AppointmentStatus;
import io.carebook.scheduling.Scheduling;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.TenantContext;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A patient's reply by SMS or WhatsApp. It refers to the newest message we sent to that number: a
 * confirmation is kept for staff to see, a cancellation cancels the appointment through scheduling,
 * STOP opts the patient out (and START back in). Every reply is kept in the outbox, so staff read
 * what patients wrote.
 */
@Component
public class Replies {

  private final JdbcClient jdbc;
  private final Outbox outbox;
  private final MessagePreferences preferences;
  private final Scheduling calendar;
  private final Organizations organizations;
  private final MessageSource messages;
  private final ApplicationEventPublisher events;

  Replies(
      JdbcClient jdbc,
      Outbox outbox,
      MessagePreferences preferences,
      Scheduling calendar,
      Organizations organizations,
      MessageSource messages,
      ApplicationEventPublisher events) {
    this.events = events;
    this.jdbc = jdbc;
    this.outbox = outbox;
    this.preferences = preferences;
    this.calendar = calendar;
    this.organizations = organizations;
    this.messages = messages;
  }

  /** The newest message sent to a number: its patient, appointment and language. */
  private record Context(
      @Nullable UUID patientId,
      @Nullable UUID appointmentId,
      String locale,
      MessageChannel channel) {}

  /** Handles a reply from {@code from}; must run in the clinic's tenant context. */
  @Transactional
  public ReplyKeywords received(
      MessageChannel channel, String from, String text, @Nullable String providerMessageId) {
    return received(channel, from, text, null, providerMessageId);
  }

  /**
   * Handles a message from {@code from}; must run in the clinic's tenant context. A reminder's
   * keyword (and STOP or START, always) is acted on here; every other message, a tap on a list row
   * or reply button ({@code interactiveReplyId}), and a keyword written in answer to a
   * conversation's message (the newest we sent that number) goes to the conversation: {@link
   * PatientMessageReceived}, published once per provider message id.
   */
  @Transactional
  public ReplyKeywords received(
      MessageChannel channel,
      String from,
      String text,
      @Nullable String interactiveReplyId,
      @Nullable String providerMessageId) {
    if (providerMessageId != null && outbox.receivedBefore(providerMessageId)) {
      return ReplyKeywords.OTHER; // the provider delivered it again: acted on already
    }
    var context = lastSentTo(from);
    var keyword = interactiveReplyId == null ? ReplyKeywords.of(text) : ReplyKeywords.OTHER;
    var optOut = keyword == ReplyKeywords.STOP || keyword == ReplyKeywords.START;
    var intent =
        optOut || (keyword != ReplyKeywords.OTHER && context != null && !inConversation(from))
            ? keyword
            : ReplyKeywords.OTHER;
    var patient = context == null ? null : context.patientId();
    var kind = intent == ReplyKeywords.OTHER && context != null ? intent : keyword;
    outbox.received(channel, from, text, patient, MessageKind.reply(kind), providerMessageId);
    if (intent == ReplyKeywords.OTHER) {
      events.publishEvent(
          new PatientMessageReceived(
              TenantContext.tenant(),
              TenantContext.clinic(),
              channel,
              from,
              text,
              interactiveReplyId,
              providerMessageId,
              Instant.now()));
    }
    if (context == null || patient == null) {
      return intent;
    }
    switch (intent) {
      case CONFIRM -> {
        confirm(context);
        acknowledge(context, from, "notifications.reply.confirmed");
      }
      case CANCEL -> cancel(context);
      case STOP -> {
        preferences.optOut(patient, true);
        acknowledge(context, from, "notifications.reply.stopped");
      }
      case START -> preferences.optOut(patient, false);
      case OTHER -> {}
    }
    return intent;
  }

  /** The appointment the reminder was about shows as confirmed on the staff's calendar. */
  private void confirm(Context context) {
    if (context.appointmentId() == null) {
      return;
    }
    var appointment = calendar.get(context.appointmentId());
    if (appointment.status() == AppointmentStatus.BOOKED
        && appointment.startsAt().isAfter(Instant.now())) {
      calendar.confirm(appointment.id());
    }
  }

  private void cancel(Context context) {
    if (context.appointmentId() == null) {
      return;
    }
    var appointment = calendar.get(context.appointmentId());
    if (appointment.status() == AppointmentStatus.BOOKED
        && appointment.startsAt().isAfter(Instant.now())) {
      // the cancellation notice follows from scheduling's AppointmentCanceled
      calendar.cancel(appointment.id(), "Canceled by the patient's reply");
    }
  }

  /** A short answer, to the number only: not tied to the patient, so STOP's own answer goes out. */
  private void acknowledge(Context context, String to, String key) {
    var locale = Locale.forLanguageTag(context.locale());
    var clinic = organizations.activeClinic();
    var body = messages.getMessage(key, null, locale);
    outbox.schedule(
        new NewMessage(
            context.channel(),
            to,
            MessageKind.REPLY_ANSWER,
            context.locale(),
            clinic.name(),
            body,
            Instant.now(),
            null,
            context.appointmentId(),
            Map.of()));
  }

  /** Whether the newest message we sent the number belongs to a conversation, not a reminder. */
  private boolean inConversation(String address) {
    return jdbc.sql(
            """
            select kind from outbox_messages
            where recipient = ? and direction = 'OUT' and clinic_id = ?
            order by created_at desc limit 1""")
        .params(address, TenantContext.clinic().value())
        .query(String.class)
        .optional()
        .map(MessageKind.CONVERSATION.name()::equals)
        .orElse(false);
  }

  private @Nullable Context lastSentTo(String address) {
    return jdbc.sql(
            """
            select patient_id, appointment_id, locale, channel from outbox_messages
            where recipient = ? and direction = 'OUT' and patient_id is not null
              and clinic_id = ? and status in ('SENT', 'DELIVERED', 'READ')
            order by coalesce(sent_at, created_at) desc limit 1""")
        .params(address, TenantContext.clinic().value())
        .query(
            (rs, n) ->
                new Context(
                    rs.getObject(1, UUID.class),
                    rs.getObject(2, UUID.class),
                    rs.getString(3),
                    MessageChannel.valueOf(rs.getString(4))))
        .optional()
        .orElse(null);
  }
}
