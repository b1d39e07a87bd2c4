package io.carebook;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.notifications.Outbox;
import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.tenancy.TenantTransactions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Opens organizations the way a new customer does: sign-up through the API, the confirmation link
 * from the outbox, two-step sign-in set up through the API (owners must have it), then a token
 * signed in with a code. Each gets random names, so tests never collide.
 */
@Component
public class TestOrganizations {

  public static final String PASSWORD = "a sturdy passphrase";
  private static final Pattern TOKEN = Pattern.compile("confirm-email\\?token=([A-Za-z0-9_-]+)");

  private final Outbox outbox;
  private final TenantTransactions tenants;
  private final io.carebook.tenancy.Subscriptions subscriptions;
  private final Map<String, TestAuthenticator> authenticators = new ConcurrentHashMap<>();

  TestOrganizations(
      Outbox outbox, TenantTransactions tenants, io.carebook.tenancy.Subscriptions subscriptions) {
    this.outbox = outbox;
    this.tenants = tenants;
    this.subscriptions = subscriptions;
  }

  /**
   * The owner's clinic subscribed (ACTIVE) to {@code plan}, as a provider's event would make it.
   */
  public Owner onPlan(Owner owner, io.carebook.tenancy.Plan plan) {
    tenants.run(
        owner.tenant(),
        () ->
            subscriptions.apply(
                owner.clinic(), io.carebook.tenancy.SubscriptionStatus.ACTIVE, plan));
    return owner;
  }

  /** A signed-up, confirmed owner with two-step sign-in, and their first clinic. */
  public record Owner(
      String email, TenantId tenant, ClinicId clinic, String token, TestAuthenticator app) {}

  public Owner signUp(Api api, String country, String timezone, String currency) {
    var suffix = UUID.randomUUID().toString().substring(0, 8);
    return signUp(
        api,
        Map.of(
            "organizationName",
            "Org " + suffix,
            "clinicName",
            "Clinic " + suffix,
            "ownerName",
            "Owner " + suffix,
            "email",
            "owner-" + suffix + "@example.test",
            "password",
            PASSWORD,
            "country",
            country,
            "timezone",
            timezone,
            "currency",
            currency,
            "ownerIsDoctor",
            true));
  }

  /** Signs up with the given form (password {@link #PASSWORD}). */
  public Owner signUp(Api api, Map<String, Object> form) {
    var email = (String) form.get("email");
    var response = api.post("/api/v1/signups", form);
    assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
    var tenant = TenantId.of(response.text("organizationId"));
    var clinic = ClinicId.of(response.text("clinicId"));
    var confirmed =
        api.post("/api/v1/email-confirmations", Map.of("token", confirmationToken(tenant)));
    assertThat(confirmed.status()).isEqualTo(204);
    var app = enrol(api, email);
    return new Owner(email, tenant, clinic, signIn(api, email, null), app);
  }

  /**
   * Sets up two-step sign-in for a user whom the policy requires to have it, through the API with
   * the enrolment token that the refused sign-in answers with.
   */
  public TestAuthenticator enrol(Api api, String email) {
    return enrol(api, email, PASSWORD);
  }

  /** As {@link #enrol(Api, String)}, for a user with another password. */
  public TestAuthenticator enrol(Api api, String email, String password) {
    var refused = api.post("/api/v1/tokens", Map.of("email", email, "password", password));
    assertThat(refused.status()).as(refused.body().toString()).isEqualTo(401);
    assertThat(refused.text("type")).isEqualTo("/problems/mfa-enrolment-required");
    var enrolling = api.as(refused.text("enrolmentToken"));
    var setup = enrolling.post("/api/v1/me/mfa", Map.of());
    assertThat(setup.status()).as(setup.body().toString()).isEqualTo(200);
    var app = new TestAuthenticator(setup.text("secret"));
    var confirmed = enrolling.post("/api/v1/me/mfa/confirmation", Map.of("code", app.nextCode()));
    assertThat(confirmed.status()).as(confirmed.body().toString()).isEqualTo(200);
    var codes = new java.util.ArrayList<String>();
    confirmed.body().path("recoveryCodes").forEach(c -> codes.add(c.asString()));
    app.recoveryCodes(codes);
    authenticators.put(email, app);
    return app;
  }

  /** A member who joined through an invitation: e-mail and access token. */
  public record Member(String email, String token) {}

  private static final Pattern INVITATION =
      Pattern.compile("invitations/accept\\?token=([A-Za-z0-9_-]+)");

  /**
   * Invites a new person to the owner's clinic with {@code role} (a role name), accepts for them
   * with {@link #PASSWORD}, sets up two-step sign-in where the role requires it, and signs in.
   */
  public Member join(Api api, Owner owner, String role) {
    var email =
        role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    var invited =
        api.as(owner.token())
            .post("/api/v1/invitations", Map.of("email", email, "roles", java.util.List.of(role)));
    assertThat(invited.status()).as(invited.body().toString()).isEqualTo(201);
    var token = linkToken(owner.tenant(), email, INVITATION);
    var accepted =
        api.post(
            "/api/v1/invitations/accept",
            Map.of("token", token, "name", "Member " + role, "password", PASSWORD));
    assertThat(accepted.status()).isEqualTo(204);
    if (role.equals("OWNER") || role.equals("DOCTOR")) {
      enrol(api, email);
    }
    return new Member(email, signIn(api, email, null));
  }

  /** The authenticator of a user this helper enrolled. */
  public TestAuthenticator authenticator(String email) {
    return java.util.Objects.requireNonNull(authenticators.get(email), "not enrolled: " + email);
  }

  public Owner signUp(Api api) {
    return signUp(api, "EG", "Africa/Cairo", "EGP");
  }

  public String signIn(Api api, String email, ClinicId clinic) {
    var body = new java.util.HashMap<String, Object>(Map.of("email", email, "password", PASSWORD));
    var app = authenticators.get(email);
    if (app != null) {
      body.put("code", app.nextCode());
    }
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
    return linkTokens(tenant, recipient, link, 1).getFirst();
  }

  /**
   * The distinct tokens of the links matching {@code link} in messages of {@code tenant}'s outbox
   * (to {@code recipient}, when given), newest first, once there are at least {@code atLeast}.
   */
  public List<String> linkTokens(TenantId tenant, String recipient, Pattern link, int atLeast) {
    var deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      var found =
          tenants.call(tenant, () -> outbox.revealed(50)).stream()
              .filter(m -> recipient == null || m.recipient().equals(recipient))
              .map(m -> link.matcher(m.body()))
              .filter(java.util.regex.Matcher::find)
              .map(m -> m.group(1))
              .distinct()
              .toList();
      if (found.size() >= atLeast) {
        return found;
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
