package io.carebook.notifications;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A message to schedule: already written in the recipient's language. */
record NewMessage(
    String channel,
    String recipient,
    String kind,
    String locale,
    String subject,
    String body,
    Instant dueAt,
    @Nullable UUID patientId,
    @Nullable UUID appointmentId,
    Map<String, String> variables) {

  static NewMessage now(
      String channel, String recipient, String kind, String locale, String subject, String body) {
    return new NewMessage(
        channel, recipient, kind, locale, subject, body, Instant.now(), null, null, Map.of());
  }
}
