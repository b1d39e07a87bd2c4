package io.carebook.notifications;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A message to schedule: already written in the recipient's language. {@code secret}: the part of
 * its text that only the recipient may read (a link's token, a code), which the outbox stores
 * sealed and shows masked ({@link OneTimeSecret}).
 */
record NewMessage(
    MessageChannel channel,
    String recipient,
    MessageKind kind,
    String locale,
    String subject,
    String body,
    Instant dueAt,
    @Nullable UUID patientId,
    @Nullable UUID appointmentId,
    Map<String, String> variables,
    @Nullable String secret) {

  NewMessage(
      MessageChannel channel,
      String recipient,
      MessageKind kind,
      String locale,
      String subject,
      String body,
      Instant dueAt,
      @Nullable UUID patientId,
      @Nullable UUID appointmentId,
      Map<String, String> variables) {
    this(
        channel,
        recipient,
        kind,
        locale,
        subject,
        body,
        dueAt,
        patientId,
        appointmentId,
        variables,
        null);
  }

  static NewMessage now(
      MessageChannel channel,
      String recipient,
      MessageKind kind,
      String locale,
      String subject,
      String body) {
    return new NewMessage(
        channel, recipient, kind, locale, subject, body, Instant.now(), null, null, Map.of());
  }

  /** The same message, whose {@code secret} only its recipient may read. */
  NewMessage withSecret(String secret) {
    return new NewMessage(
        channel,
        recipient,
        kind,
        locale,
        subject,
        body,
        dueAt,
        patientId,
        appointmentId,
        variables,
        secret);
  }
}
