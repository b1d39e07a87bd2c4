package io.carebook.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import io.carebook.notifications.Outbox;
import io.carebook.shared.TenantId;
import io.carebook.tenancy.TenantTransactions;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Refresh token rotation, lockout after repeated failures, and password reset by link. */
@CarebookTest
class SignInDefencesTests {

  private static final Pattern RESET =
      Pattern.compile("password-reset/new\\?token=([A-Za-z0-9_-]+)");

  @Autowired TestOrganizations organizations;
  @Autowired TenantTransactions tenants;
  @Autowired Outbox outbox;
  @LocalServerPort int port;

  @Test
  void aRefreshTokenWorksOnceAndItsReuseRevokesTheWholeFamily() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var signedIn =
        api.post(
            "/api/v1/tokens",
            Map.of(
                "email",
                owner.email(),
                "password",
                TestOrganizations.PASSWORD,
                "code",
                owner.app().nextCode()));
    var first = signedIn.text("refreshToken");

    var renewed = api.post("/api/v1/tokens/refresh", Map.of("refreshToken", first));
    assertThat(renewed.status()).isEqualTo(200);
    assertThat(renewed.text("refreshToken")).isNotEqualTo(first);
    assertThat(renewed.text("clinicId")).isEqualTo(owner.clinic().toString());
    assertThat(api.as(renewed.text("accessToken")).get("/api/v1/patients").status()).isEqualTo(200);

    var replayed = api.post("/api/v1/tokens/refresh", Map.of("refreshToken", first));
    assertThat(replayed.status()).isEqualTo(401);
    assertThat(replayed.text("type")).isEqualTo("/problems/refresh-token-reused");
    var second =
        api.post("/api/v1/tokens/refresh", Map.of("refreshToken", renewed.text("refreshToken")));
    assertThat(second.status()).isEqualTo(401);
    assertThat(second.text("type")).isEqualTo("/problems/invalid-refresh-token");
  }

  @Test
  void fiveWrongPasswordsLockTheAccountAndTheAddressForFifteenMinutes() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var other = organizations.signUp(api);
    var attacker = new Api(port);
    for (int i = 0; i < Lockout.MAX_FAILURES; i++) {
      var wrong =
          attacker.post(
              "/api/v1/tokens", Map.of("email", owner.email(), "password", "guess number " + i));
      assertThat(wrong.status()).isEqualTo(401);
    }
    var locked =
        attacker.post(
            "/api/v1/tokens",
            Map.of("email", owner.email(), "password", TestOrganizations.PASSWORD));
    assertThat(locked.status()).isEqualTo(429);
    assertThat(locked.text("type")).isEqualTo("/problems/locked-out");
    assertThat(locked.text("detail")).contains("15 minutes");

    var elsewhere =
        new Api(port)
            .post(
                "/api/v1/tokens",
                Map.of("email", owner.email(), "password", TestOrganizations.PASSWORD));
    assertThat(elsewhere.status()).as("the account is locked from anywhere").isEqualTo(429);
    var sameAddress =
        attacker.post(
            "/api/v1/tokens",
            Map.of("email", other.email(), "password", TestOrganizations.PASSWORD));
    assertThat(sameAddress.status()).as("the address is locked for any account").isEqualTo(429);
    var neither =
        new Api(port)
            .post(
                "/api/v1/tokens",
                Map.of(
                    "email",
                    other.email(),
                    "password",
                    TestOrganizations.PASSWORD,
                    "code",
                    other.app().nextCode()));
    assertThat(neither.status()).isEqualTo(200);
  }

  @Test
  void aResetLinkSetsANewPasswordOnceAndUnlocksTheAccount() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var attacker = new Api(port);
    for (int i = 0; i < Lockout.MAX_FAILURES; i++) {
      attacker.post(
          "/api/v1/tokens", Map.of("email", owner.email(), "password", "guess number " + i));
    }
    assertThat(api.post("/api/v1/password-resets", Map.of("email", owner.email())).status())
        .isEqualTo(202);
    assertThat(api.post("/api/v1/password-resets", Map.of("email", "nobody@example.test")).status())
        .as("the same answer for an unknown e-mail")
        .isEqualTo(202);
    var token = resetToken(owner.email());

    var weak =
        api.post("/api/v1/password-resets/complete", Map.of("token", token, "password", "short"));
    assertThat(weak.status()).isEqualTo(400);
    var done =
        api.post(
            "/api/v1/password-resets/complete",
            Map.of("token", token, "password", "a brand new passphrase"));
    assertThat(done.status()).isEqualTo(204);
    var again =
        api.post(
            "/api/v1/password-resets/complete",
            Map.of("token", token, "password", "yet another passphrase"));
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.text("type")).isEqualTo("/problems/invalid-token");

    var withNew =
        new Api(port)
            .post(
                "/api/v1/tokens",
                Map.of(
                    "email",
                    owner.email(),
                    "password",
                    "a brand new passphrase",
                    "code",
                    owner.app().nextCode()));
    assertThat(withNew.status()).isEqualTo(200);
    var withOld =
        new Api(port)
            .post(
                "/api/v1/tokens",
                Map.of("email", owner.email(), "password", TestOrganizations.PASSWORD));
    assertThat(withOld.status()).isEqualTo(401);
  }

  private String resetToken(String email) {
    var deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      var found =
          tenants.call(TenantId.PLATFORM, () -> outbox.revealed(50)).stream()
              .filter(m -> m.recipient().equals(email))
              .map(m -> RESET.matcher(m.body()))
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
    throw new AssertionError("no reset e-mail for " + email);
  }
}
