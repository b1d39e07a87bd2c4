package io.carebook.notifications;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A message in the outbox: one waiting to be sent, sent, failed, canceled, or (direction {@code
 * IN}) a patient's reply, whose {@code recipient} is then the sender's address.
 */
public record OutboxMessage(
    UUID id,
    MessageChannel channel,
    String recipient,
    MessageKind kind,
    String locale,
    String subject,
    String body,
    MessageStatus status,
    Instant createdAt,
    String direction,
    Instant dueAt,
    int attempts,
    @Nullable String provider,
    @Nullable String lastError) {

  public boolean inbound() {
    return "IN".equals(direction);
  }
}
