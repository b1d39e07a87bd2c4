package io.carebook;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.notifications.Outbox;
import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.tenancy.TenantTransactions;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Opens organizations the way a new customer does: sign-up through the API, the confirmation link
 * from the outbox, then a token. Each gets random names, so tests never collide.
 */
@Component
public class TestOrganizations {

  public static final String PASSWORD = "a sturdy passphrase";
  private static final Pattern TOKEN = Pattern.compile("confirm-email\\?token=([A-Za-z0-9_-]+)");

  private final Outbox outbox;
  private final TenantTransactions tenants;

  TestOrganizations(Outbox outbox, TenantTransactions tenants) {
    this.outbox = outbox;
    this.tenants = tenants;
  }

  /** A signed-up, confirmed owner and their first clinic. */
  public record Owner(String email, TenantId tenant, ClinicId clinic, String token) {}

  public Owner signUp(Api api, String country, String timezone, String currency) {
    var suffix = UUID.randomUUID().toString().substring(0, 8);
    var email = "owner-" + suffix + "@example.test";
    var response =
        api.post(
            "/api/v1/signups",
            Map.of(
                "organizationName", "Org " + suffix,
                "clinicName", "Clinic " + suffix,
                "ownerName", "Owner " + suffix,
                "email", email,
                "password", PASSWORD,
                "country", country,
                "timezone", timezone,
                "currency", currency,
                "ownerIsDoctor", true));
    assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
    var tenant = TenantId.of(response.text("organizationId"));
    var clinic = ClinicId.of(response.text("clinicId"));
    var confirmed =
        api.post("/api/v1/email-confirmations", Map.of("token", confirmationToken(tenant)));
    assertThat(confirmed.status()).isEqualTo(204);
    return new Owner(email, tenant, clinic, signIn(api, email, null));
  }

  public Owner signUp(Api api) {
    return signUp(api, "EG", "Africa/Cairo", "EGP");
  }

  public String signIn(Api api, String email, ClinicId clinic) {
    var body = new java.util.HashMap<String, Object>(Map.of("email", email, "password", PASSWORD));
    if (clinic != null) {
      body.put("clinicId", clinic.toString());
    }
    var response = api.post("/api/v1/tokens", body);
    assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
    return response.text("accessToken");
  }

  /** The token in the confirmation e-mail, which the outbox receives just after commit. */
  public String confirmationToken(TenantId tenant) {
    return linkToken(tenant, null, TOKEN);
  }

  /**
   * The token of the newest link matching {@code link} in a message of {@code tenant}'s outbox (to
   * {@code recipient}, when given); messages arrive just after the sending transaction.
   */
  public String linkToken(TenantId tenant, String recipient, Pattern link) {
    var deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      var found =
          tenants.call(tenant, () -> outbox.recent(50)).stream()
              .filter(m -> recipient == null || m.recipient().equals(recipient))
              .map(m -> link.matcher(m.body()))
              .filter(java.util.regex.Matcher::find)
              .map(m -> m.group(1))
              .findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    throw new AssertionError("no message with such a link in the outbox of " + tenant);
  }
}
