package io.carebook.billing;

import io.carebook.shared.ProblemException;
import io.carebook.shared.Secrets;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One Razorpay webhook event, as Carebook reads it: its id (the SHA-256 of the signed body, which
 * carries no id of its own; Razorpay resends an event with the same body), its type ({@code
 * event}), when Razorpay made it ({@code created_at}, Unix seconds) and the entity it is about: the
 * payment link for {@code payment_link.*}, the subscription for {@code subscription.*}; a missing
 * node for any other event (a webhook may be set to send more than Carebook reads).
 */
record RazorpayEvent(String id, String type, Instant created, JsonNode entity, JsonNode payment) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  static RazorpayEvent parse(byte[] body) {
    JsonNode event;
    try {
      event = JSON.readTree(body);
    } catch (RuntimeException e) {
      throw notAnEvent();
    }
    var type = event.path("event").asString("");
    var created = event.path("created_at").asLong(0);
    var kind = type.startsWith("payment_link.") ? "payment_link" : "subscription";
    var entity = event.path("payload").path(kind).path("entity");
    if (type.isEmpty() || created <= 0) {
      throw notAnEvent();
    }
    // the replay key is what the signature covers: an unsigned header (x-razorpay-event-id) can
    // be changed by whoever replays a captured body, so it names nothing
    var id =
        "sha256:"
            + HexFormat.of().formatHex(Secrets.sha256(new String(body, StandardCharsets.UTF_8)));
    return new RazorpayEvent(
        id,
        type,
        Instant.ofEpochSecond(created),
        entity,
        event.path("payload").path("payment").path("entity"));
  }

  /** The subscription's Razorpay id, for events that carry no notes. */
  @Nullable String subscriptionId() {
    return type.startsWith("subscription.") ? ProviderEvents.text(entity, "id") : null;
  }

  /**
   * The subscription's status in the words {@link ProviderEvents#statusOf} reads, or null for an
   * event that changes nothing: halted (every retry failed) is past due like pending, whose grace
   * then ends in read-only; a completed subscription (all its cycles billed) has ended like a
   * canceled one.
   */
  @Nullable String subscriptionStatus() {
    return switch (type) {
      case "subscription.activated", "subscription.charged", "subscription.resumed" -> "active";
      case "subscription.pending" -> "past_due";
      case "subscription.halted" -> "unpaid";
      case "subscription.cancelled", "subscription.completed" -> "canceled";
      default -> null;
    };
  }

  private static ProblemException notAnEvent() {
    return ProblemException.invalid("body", "is not a Razorpay event");
  }
}
