package io.carebook.webhooks.web;

import io.carebook.shared.Ids;
import io.carebook.shared.web.ETags;
import io.carebook.tenancy.IdempotentCreate;
import io.carebook.webhooks.WebhookDelivery;
import io.carebook.webhooks.WebhookEndpoint;
import io.carebook.webhooks.WebhookEndpoints;
import io.carebook.webhooks.WebhookEndpoints.Draft;
import io.carebook.webhooks.WebhookEndpoints.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The organization's outbound webhook endpoints and their delivery log (WEBHOOKS_MANAGE). */
@RestController
@Tag(
    name = "Webhooks",
    description =
        "Signed outbound events (Standard Webhooks): every delivery carries webhook-id,"
            + " webhook-timestamp and webhook-signature: v1,<base64 HMAC-SHA256 of"
            + " id.timestamp.body keyed with the secret's bytes after whsec_>. Reject timestamps"
            + " more than 5 minutes from your clock. Retried with backoff for about 3 days.")
class WebhookEndpointsApi {

  private static final String BASE = "/api/v1/webhook-endpoints";

  private final WebhookEndpoints endpoints;

  WebhookEndpointsApi(WebhookEndpoints endpoints) {
    this.endpoints = endpoints;
  }

  record EndpointInput(
      @Schema(example = "https://example.com/carebook/events") @Nullable String url,
      @Schema(example = "Our booking dashboard") @Nullable String description,
      @Schema(example = "[\"appointment.booked\", \"appointment.canceled\"]")
          @Nullable List<String> eventTypes,
      @Schema(description = "on updates: false turns it off, true on again")
          @Nullable Boolean enabled) {

    Draft draft() {
      return new Draft(url, description, eventTypes);
    }
  }

  /** An endpoint as the API shows it; {@code secret} only in the answer to its creation. */
  record EndpointView(
      UUID id,
      String url,
      String description,
      List<String> eventTypes,
      String status,
      @Nullable String disabledReason,
      @Nullable Instant failingSince,
      Instant createdAt,
      @Schema(description = "the signing secret, shown once: whsec_ and base64")
          @Nullable String secret) {

    static EndpointView of(WebhookEndpoint e, @Nullable String secret) {
      return new EndpointView(
          e.id(),
          e.url(),
          e.description(),
          e.eventTypes(),
          e.status().name(),
          e.disabledReason(),
          e.failingSince(),
          e.createdAt(),
          secret);
    }
  }

  record EndpointPage(List<EndpointView> items, @Nullable String next) {}

  record DeliveryPage(List<WebhookDelivery> items, @Nullable String next) {}

  record DeliveryView(WebhookDelivery delivery, List<WebhookDelivery.Attempt> attempts) {}

  @GetMapping(BASE)
  @Operation(
      summary = "The organization's webhook endpoints, oldest first (WEBHOOKS_MANAGE)",
      description = "Cursor pagination: ?limit=20&cursor=<next of the previous page>.")
  EndpointPage list(
      @RequestParam(defaultValue = "20") int limit,
      @Parameter(description = "the 'next' cursor of the previous page")
          @RequestParam(name = "cursor", required = false)
          @Nullable String after) {
    Page<WebhookEndpoint> page = endpoints.list(limit, after);
    return new EndpointPage(
        page.items().stream().map(e -> EndpointView.of(e, null)).toList(), page.next());
  }

  @PostMapping(BASE)
  @IdempotentCreate
  @Operation(
      summary = "Register an endpoint (WEBHOOKS_MANAGE); its signing secret is in this answer only",
      description =
          "Accepts Idempotency-Key. The address must be https and public (no private, loopback or"
              + " link-local addresses) outside developer mode. Event types: appointment.booked,"
              + " appointment.moved, appointment.canceled, appointment.no_show, visit.checked_in,"
              + " visit.started, visit.completed, visit.canceled, visit.no_show, invoice.issued,"
              + " invoice.paid, patient.registered. Example: {\"url\":"
              + " \"https://example.com/carebook/events\", \"eventTypes\":"
              + " [\"appointment.booked\"]}")
  ResponseEntity<EndpointView> create(@RequestBody EndpointInput input) {
    var created = endpoints.create(input.draft());
    var endpoint = created.endpoint();
    return ResponseEntity.created(URI.create(BASE + "/" + endpoint.id()))
        .eTag(ETags.of(endpoint.version()))
        .body(EndpointView.of(endpoint, created.secret()));
  }

  @GetMapping(BASE + "/{id}")
  @Operation(summary = "One endpoint; its ETag is needed to change it (WEBHOOKS_MANAGE)")
  ResponseEntity<EndpointView> get(@PathVariable String id) {
    var endpoint = endpoints.get(endpointId(id));
    return ResponseEntity.ok()
        .eTag(ETags.of(endpoint.version()))
        .body(EndpointView.of(endpoint, null));
  }

  @PutMapping(BASE + "/{id}")
  @Operation(
      summary = "Change an endpoint (WEBHOOKS_MANAGE; If-Match with the ETag you read)",
      description =
          "The whole endpoint: url, description, eventTypes, and enabled (left out: unchanged)."
              + " enabled: true turns on an endpoint disabled for failing, with a clean record."
              + " Example: {\"url\": \"https://example.com/hooks\", \"eventTypes\":"
              + " [\"invoice.paid\"], \"enabled\": true}")
  ResponseEntity<EndpointView> update(
      @PathVariable String id,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
      @RequestBody EndpointInput input) {
    var endpointId = endpointId(id);
    var current = endpoints.get(endpointId);
    var version = ETags.required(ifMatch);
    var enabled = input.enabled() == null ? current.enabled() : input.enabled();
    var changed = endpoints.update(endpointId, input.draft(), enabled, version);
    return ResponseEntity.ok()
        .eTag(ETags.of(changed.version()))
        .body(EndpointView.of(changed, null));
  }

  @DeleteMapping(BASE + "/{id}")
  @Operation(
      summary = "Delete an endpoint; its pending deliveries are given up (WEBHOOKS_MANAGE)",
      description = "If-Match with the ETag you read: 412 when the endpoint changed since.")
  ResponseEntity<Void> delete(
      @PathVariable String id,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
    var endpointId = endpointId(id);
    if (ifMatch != null) {
      ETags.checkIfSent(ifMatch, endpoints.get(endpointId).version());
    }
    endpoints.delete(endpointId);
    return ResponseEntity.noContent().build();
  }

  @GetMapping(BASE + "/{id}/deliveries")
  @Operation(
      summary = "An endpoint's deliveries, newest first: status, attempts, next retry",
      description = "Cursor pagination: ?limit=20&cursor=<next of the previous page>.")
  DeliveryPage deliveries(
      @PathVariable String id,
      @RequestParam(defaultValue = "20") int limit,
      @Parameter(description = "the 'next' cursor of the previous page")
          @RequestParam(name = "cursor", required = false)
          @Nullable String after) {
    var page = endpoints.deliveries(endpointId(id), limit, after);
    return new DeliveryPage(page.items(), page.next());
  }

  @GetMapping(BASE + "/{id}/deliveries/{deliveryId}")
  @Operation(
      summary = "One delivery and its attempts, newest first",
      description = "Each attempt: when, the response's status, duration and first 1000 characters")
  DeliveryView delivery(@PathVariable String id, @PathVariable String deliveryId) {
    var endpoint = endpointId(id);
    var delivery = Ids.parse(deliveryId, "Delivery");
    return new DeliveryView(
        endpoints.delivery(endpoint, delivery), endpoints.attempts(endpoint, delivery));
  }

  @PostMapping(BASE + "/{id}/deliveries/{deliveryId}/replay")
  @Operation(
      summary = "Send a delivery again now, with the same webhook-id (WEBHOOKS_MANAGE)",
      description = "202: queued. 409 endpoint-disabled while the endpoint is off.")
  ResponseEntity<WebhookDelivery> replay(@PathVariable String id, @PathVariable String deliveryId) {
    var delivery = endpoints.replay(endpointId(id), Ids.parse(deliveryId, "Delivery"));
    return ResponseEntity.accepted().body(delivery);
  }

  @PostMapping(BASE + "/{id}/test")
  @Operation(
      summary = "Send a webhook.test event to the endpoint (WEBHOOKS_MANAGE)",
      description = "202: queued, sent within seconds; its delivery shows in the log.")
  ResponseEntity<WebhookDelivery> test(@PathVariable String id) {
    return ResponseEntity.accepted().body(endpoints.sendTest(endpointId(id)));
  }

  private static UUID endpointId(String id) {
    return Ids.parse(id, "Webhook endpoint");
  }
}
