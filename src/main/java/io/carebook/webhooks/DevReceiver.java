package io.carebook.webhooks;

import io.carebook.shared.NotFoundException;
import io.carebook.shared.TenantId;
import io.carebook.tenancy.TenantContext.Scope;
import io.carebook.tenancy.TenantTransactions;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.Clock;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A receiver for the demo's endpoints, on a developer's machine only ({@code carebook.dev}): it
 * checks a delivery's signature and timestamp as an integrator's receiver should, answers 204 when
 * both hold and 401 otherwise, so the demo's delivery log fills with real, verified deliveries.
 * Elsewhere it does not exist (404).
 */
@RestController
@Hidden // not part of the API: the developer-mode demo's receiver
class DevReceiver {

  static final String PATH = "/api/v1/webhooks/dev-receiver/{tenant}/{endpoint}";

  private static final Logger log = LoggerFactory.getLogger(DevReceiver.class);

  private final boolean dev;
  private final TenantTransactions tenants;
  private final Endpoints endpoints;
  private final EndpointSecrets secrets;
  private final Clock clock;

  DevReceiver(
      @Value("${carebook.dev:false}") boolean dev,
      TenantTransactions tenants,
      Endpoints endpoints,
      EndpointSecrets secrets,
      Clock clock) {
    this.dev = dev;
    this.tenants = tenants;
    this.endpoints = endpoints;
    this.secrets = secrets;
    this.clock = clock;
  }

  @PostMapping(path = PATH, consumes = MediaType.ALL_VALUE)
  ResponseEntity<Void> receive(
      @PathVariable String tenant,
      @PathVariable String endpoint,
      @RequestHeader(name = "webhook-id", required = false) @Nullable String id,
      @RequestHeader(name = "webhook-timestamp", required = false) @Nullable String timestamp,
      @RequestHeader(name = "webhook-signature", required = false) @Nullable String signature,
      @RequestBody(required = false) @Nullable String body) {
    if (!dev) {
      throw new NotFoundException("Page");
    }
    var secret = secret(tenant, endpoint);
    var genuine =
        id != null
            && timestamp != null
            && signature != null
            && StandardWebhooks.verify(
                secret, id, timestamp, body == null ? "" : body, signature, clock.instant());
    log.info("Developer receiver: delivery {} {}", id, genuine ? "verified" : "REFUSED");
    return ResponseEntity.status(genuine ? 204 : 401).build();
  }

  private String secret(String tenant, String endpoint) {
    try {
      var endpointId = UUID.fromString(endpoint);
      return tenants.readOnly(
          Scope.system(TenantId.of(tenant), null),
          () ->
              endpoints
                  .secret(endpointId)
                  .map(ciphertext -> secrets.open(endpointId, ciphertext))
                  .orElseThrow(() -> new NotFoundException("Webhook endpoint")));
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("Webhook endpoint");
    }
  }
}
