package io.carebook.webhooks;

import io.carebook.tenancy.Encryption;
import io.carebook.tenancy.KeyOwner;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * An endpoint's signing secret at rest: sealed with the organization's data key and bound to its
 * endpoint's row (tenancy's {@link Encryption}, AES-256-GCM), so the database alone never reveals
 * it and a copy in another row or organization does not open. Opened only inside the organization.
 */
@Component
class EndpointSecrets {

  private static final String FIELD = "webhook_endpoints.secret";

  private final Encryption encryption;

  EndpointSecrets(Encryption encryption) {
    this.encryption = encryption;
  }

  byte[] seal(UUID endpoint, String secret) {
    return encryption.encrypt(
        KeyOwner.currentTenant(),
        FIELD,
        endpoint.toString(),
        secret.getBytes(StandardCharsets.UTF_8));
  }

  String open(UUID endpoint, byte[] sealed) {
    return new String(
        encryption.decrypt(KeyOwner.currentTenant(), FIELD, endpoint.toString(), sealed),
        StandardCharsets.UTF_8);
  }
}
