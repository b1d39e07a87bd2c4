package io.carebook.webhooks;

import io.carebook.shared.NotFoundException;
import io.carebook.shared.ProblemException;
import io.carebook.shared.ProblemException.FieldError;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Permissions;
import io.carebook.tenancy.TenantContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The facade of webhooks: the organization's endpoints, their delivery log, replays and test
 * events, for its owners ({@link Action#WEBHOOKS_MANAGE}). Another organization's endpoint or
 * delivery is not found (404), never forbidden.
 */
@Service
public class WebhookEndpoints {

  static final int MAX_PAGE = 100;

  private final Endpoints endpoints;
  private final Deliveries deliveries;
  private final EndpointSecrets secrets;
  private final Payloads payloads;
  private final Permissions permissions;
  private final EndpointAddresses addresses;
  private final Clock clock;

  WebhookEndpoints(
      Endpoints endpoints,
      Deliveries deliveries,
      EndpointSecrets secrets,
      Payloads payloads,
      Permissions permissions,
      WebhookSettings settings,
      Clock clock) {
    this.endpoints = endpoints;
    this.deliveries = deliveries;
    this.secrets = secrets;
    this.payloads = payloads;
    this.permissions = permissions;
    this.addresses = settings.addresses();
    this.clock = clock;
  }

  /** What an endpoint is to be: its address, a note for people, the types it receives. */
  public record Draft(
      @Nullable String url, @Nullable String description, @Nullable List<String> eventTypes) {}

  /** A new endpoint and its signing secret, which is shown this once. */
  public record Created(WebhookEndpoint endpoint, String secret) {}

  /** One page of a list, and the cursor of the next if there is one. */
  public record Page<T>(List<T> items, @Nullable String next) {}

  @Transactional(readOnly = true)
  public Page<WebhookEndpoint> list(int limit, @Nullable String after) {
    permissions.require(Action.WEBHOOKS_MANAGE);
    var size = Math.clamp(limit, 1, MAX_PAGE);
    var rows = endpoints.page(Cursors.decode(after), size + 1);
    return page(rows, size, e -> new Endpoints.Cursor(e.createdAt(), e.id()));
  }

  @Transactional(readOnly = true)
  public WebhookEndpoint get(UUID id) {
    permissions.require(Action.WEBHOOKS_MANAGE);
    return found(id);
  }

  @Transactional
  public Created create(Draft draft) {
    permissions.require(Action.WEBHOOKS_MANAGE);
    return register(UUID.randomUUID(), draft);
  }

  /**
   * Registers an endpoint at the active clinic by the system, with no member's permission asked:
   * for the demo. Validated like {@link #create}.
   */
  @Transactional
  public Created register(UUID id, Draft draft) {
    var valid = validate(draft);
    var secret = StandardWebhooks.newSecret();
    endpoints.insert(
        id,
        TenantContext.clinic(),
        valid.url(),
        valid.description(),
        valid.eventTypes(),
        secrets.seal(id, secret),
        clock.instant());
    return new Created(found(id), secret);
  }

  /**
   * Changes an endpoint read at {@code expectedVersion} (412 when it changed since); {@code
   * enabled} turns it on or off, and on again after it was disabled for failing, with a clean
   * record.
   */
  @Transactional
  public WebhookEndpoint update(UUID id, Draft draft, boolean enabled, int expectedVersion) {
    permissions.require(Action.WEBHOOKS_MANAGE);
    var current = found(id);
    var valid = validate(draft);
    if (!endpoints.update(
        id, valid.url(), valid.description(), valid.eventTypes(), enabled, expectedVersion)) {
      throw stale();
    }
    if (current.enabled() && !enabled) {
      deliveries.abandon(id, "The endpoint was turned off.");
    }
    return found(id);
  }

  /** Whether the organization has an endpoint (deleted ones aside): for the demo. */
  @Transactional(readOnly = true)
  public boolean anyRegistered() {
    return !endpoints.page(null, 1).isEmpty();
  }

  /** Deletes an endpoint; its pending deliveries are given up, its log kept. */
  @Transactional
  public void delete(UUID id) {
    permissions.require(Action.WEBHOOKS_MANAGE);
    found(id);
    endpoints.delete(id);
    deliveries.abandon(id, "The endpoint was deleted.");
  }

  /** The endpoint's deliveries, newest first. */
  @Transactional(readOnly = true)
  public Page<WebhookDelivery> deliveries(UUID endpoint, int limit, @Nullable String after) {
    permissions.require(Action.WEBHOOKS_MANAGE);
    found(endpoint);
    var size = Math.clamp(limit, 1, MAX_PAGE);
    var rows = deliveries.page(endpoint, Cursors.decode(after), size + 1);
    return page(rows, size, d -> new Endpoints.Cursor(d.createdAt(), d.id()));
  }

  /** A delivery and its attempts, newest first. */
  @Transactional(readOnly = true)
  public List<WebhookDelivery.Attempt> attempts(UUID endpoint, UUID delivery) {
    permissions.require(Action.WEBHOOKS_MANAGE);
    found(endpoint);
    deliveries.find(endpoint, delivery).orElseThrow(() -> new NotFoundException("Delivery"));
    return deliveries.attempts(delivery);
  }

  @Transactional(readOnly = true)
  public WebhookDelivery delivery(UUID endpoint, UUID delivery) {
    permissions.require(Action.WEBHOOKS_MANAGE);
    found(endpoint);
    return deliveries.find(endpoint, delivery).orElseThrow(() -> new NotFoundException("Delivery"));
  }

  /**
   * Sends a delivery again, now, with the same {@code webhook-id} (receivers that already have it
   * may ignore it) and the retry schedule from its start; 409 while the endpoint is disabled.
   */
  @Transactional
  public WebhookDelivery replay(UUID endpoint, UUID delivery) {
    permissions.require(Action.WEBHOOKS_MANAGE);
    requireEnabled(found(endpoint));
    deliveries.find(endpoint, delivery).orElseThrow(() -> new NotFoundException("Delivery"));
    deliveries.replay(delivery, clock.instant());
    return deliveries.find(endpoint, delivery).orElseThrow();
  }

  /** Queues a {@value EventType#TEST_TYPE} event to the endpoint, sent within a second or so. */
  @Transactional
  public WebhookDelivery sendTest(UUID endpoint) {
    permissions.require(Action.WEBHOOKS_MANAGE);
    requireEnabled(found(endpoint));
    var now = clock.instant();
    var body =
        payloads.body(
            EventType.TEST_TYPE,
            now,
            Payloads.data(
                "endpointId",
                endpoint,
                "message",
                "A test event sent from Carebook's developer page."));
    var id = deliveries.single(TenantContext.tenant(), endpoint, EventType.TEST_TYPE, body, now);
    return deliveries.find(endpoint, id).orElseThrow();
  }

  /** The event types an endpoint may receive, by their wire names. */
  public static List<String> eventTypes() {
    return List.of(EventType.names());
  }

  private WebhookEndpoint found(UUID id) {
    return endpoints.find(id).orElseThrow(() -> new NotFoundException("Webhook endpoint"));
  }

  private static void requireEnabled(WebhookEndpoint endpoint) {
    if (!endpoint.enabled()) {
      throw new ProblemException(
          HttpStatus.CONFLICT,
          "endpoint-disabled",
          "The endpoint is disabled: turn it on again before sending to it.");
    }
  }

  private static ProblemException stale() {
    return new ProblemException(
        HttpStatus.PRECONDITION_FAILED,
        "stale-write",
        "The endpoint changed since you read it; read it again.");
  }

  private record Valid(String url, String description, List<String> eventTypes) {}

  /** Every field checked at once, so the problem names them all. */
  private Valid validate(Draft draft) {
    var errors = new ArrayList<FieldError>();
    var url = "";
    if (draft.url() == null || draft.url().isBlank()) {
      errors.add(new FieldError("url", "is required"));
    } else if (draft.url().length() > 2000) {
      errors.add(new FieldError("url", "must have at most 2000 characters"));
    } else {
      try {
        url = addresses.check(draft.url()).toString();
      } catch (ProblemException e) {
        errors.addAll(e.errors());
      }
    }
    var description = draft.description() == null ? "" : draft.description().strip();
    if (description.length() > 200) {
      errors.add(new FieldError("description", "must have at most 200 characters"));
    }
    var types = new LinkedHashSet<String>();
    if (draft.eventTypes() == null || draft.eventTypes().isEmpty()) {
      errors.add(new FieldError("eventTypes", "choose at least one event type"));
    } else {
      for (var name : draft.eventTypes()) {
        try {
          types.add(EventType.required("eventTypes", String.valueOf(name)).wireName());
        } catch (ProblemException e) {
          errors.addAll(e.errors());
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(
          HttpStatus.BAD_REQUEST, "invalid-input", "The request has invalid fields.", errors);
    }
    return new Valid(url, description, List.copyOf(types));
  }

  private static <T> Page<T> page(List<T> rows, int size, Function<T, Endpoints.Cursor> cursorOf) {
    if (rows.size() <= size) {
      return new Page<>(rows, null);
    }
    var items = rows.subList(0, size);
    return new Page<>(List.copyOf(items), Cursors.encode(cursorOf.apply(items.getLast())));
  }

  /** Cursors as the API hands them out: opaque, URL-safe. */
  static final class Cursors {

    private Cursors() {}

    static String encode(Endpoints.Cursor cursor) {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString((cursor.at() + "|" + cursor.id()).getBytes(StandardCharsets.UTF_8));
    }

    static Endpoints.@Nullable Cursor decode(@Nullable String cursor) {
      if (cursor == null || cursor.isBlank()) {
        return null;
      }
      try {
        var parts =
            new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
        return new Endpoints.Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
      } catch (RuntimeException e) {
        throw ProblemException.invalid("cursor", "is not a cursor this API returned");
      }
    }
  }
}
