package io.carebook.notifications;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Messages of a conversation a patient is having with the clinic (WhatsApp's session messages):
 * free text, or an interactive list or buttons, through the outbox like every message (kind {@link
 * MessageKind#CONVERSATION}), so they are retried, tracked and counted against the plan. They
 * answer the patient, so quiet hours do not hold them back; the caller keeps to WhatsApp's 24-hour
 * window. {@code text} is what SMS (and any fallback) sends, menus numbered; {@code interactive}
 * the Cloud API's {@code interactive} object as JSON, sent instead on WhatsApp.
 */
@Component
public class SessionMessages {

  /** The variable that carries a message's interactive object to the WhatsApp channel. */
  static final String INTERACTIVE = "interactive";

  private final Outbox outbox;

  SessionMessages(Outbox outbox) {
    this.outbox = outbox;
  }

  /** Schedules the message now, in the active clinic; returns its outbox id. */
  @Transactional
  public UUID send(
      MessageChannel channel,
      String to,
      String locale,
      String text,
      @Nullable String interactive,
      @Nullable UUID patientId) {
    if (!channel.toPhone()) {
      throw new IllegalArgumentException("a conversation goes by WhatsApp or SMS: " + channel);
    }
    return outbox.schedule(
        new NewMessage(
            channel,
            to,
            MessageKind.CONVERSATION,
            locale,
            "",
            text,
            Instant.now(),
            patientId,
            null,
            interactive == null || channel != MessageChannel.WHATSAPP
                ? Map.of()
                : Map.of(INTERACTIVE, interactive)));
  }
}
