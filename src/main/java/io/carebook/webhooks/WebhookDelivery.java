package io.carebook.webhooks;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One event sent, or to be sent, to one endpoint: where it stands in the delivery log.
 *
 * @param id the {@code webhook-id} the receiver sees, the same on every retry and replay
 * @param attempts attempts since it was queued or replayed
 * @param nextAttemptAt when it is tried next, while pending
 * @param lastStatus the HTTP status of the last answer, if there was one
 */
public record WebhookDelivery(
    UUID id,
    UUID endpointId,
    String eventType,
    Status status,
    int attempts,
    @Nullable Instant nextAttemptAt,
    Instant createdAt,
    @Nullable Instant deliveredAt,
    @Nullable Integer lastStatus,
    @Nullable String lastError) {

  public enum Status {
    PENDING,
    DELIVERED,
    FAILED
  }

  /** One attempt of a delivery: the answer's status (none without an answer) and its beginning. */
  public record Attempt(
      Instant attemptedAt,
      @Nullable Integer responseStatus,
      int durationMs,
      @Nullable String responseBody,
      @Nullable String error) {}
}
