package io.carebook.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An organization's webhook endpoint as the API and the developer page show it: never its secret.
 *
 * @param eventTypes the wire names of the types it receives ({@code appointment.booked})
 * @param disabledReason {@code OWNER} or {@code FAILING} while disabled
 * @param failingSince the first failed attempt since its last success, while it fails
 * @param version the ETag's version
 */
public record WebhookEndpoint(
    UUID id,
    String url,
    String description,
    List<String> eventTypes,
    Status status,
    @Nullable String disabledReason,
    @Nullable Instant failingSince,
    Instant createdAt,
    int version) {

  public enum Status {
    ENABLED,
    DISABLED
  }

  public boolean enabled() {
    return status == Status.ENABLED;
  }
}
