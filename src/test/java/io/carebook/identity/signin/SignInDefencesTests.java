package io.carebook.identity.signin;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.OwnerDatabase;
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
  @Autowired Lockout lockout;
  @Autowired org.springframework.core.env.Environment environment;
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

  /**
   * Was {@code fiveWrongPasswordsLockTheAccountAndTheAddressForFifteenMinutes}, which asserted that
   * the account was then locked from everywhere: anyone could lock anyone out (issue 15, item 6).
   */
  @Test
  void wrongPasswordsFromOneAddressDoNotLockTheOwnerOutFromAnother() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var other = organizations.signUp(api);
    var attacker = new Api(port);
    for (int i = 0; i < Lockout.PAIR_MAX_FAILURES; i++) {
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
    assertThat(locked.header("Retry-After")).isNotEmpty();

    var owners = new Api(port);
    var elsewhere =
        owners.post(
            "/api/v1/tokens",
            Map.of(
                "email",
                owner.email(),
                "password",
                TestOrganizations.PASSWORD,
                "code",
                owner.app().nextCode()));
    assertThat(elsewhere.status()).as("the owner signs in from their own address").isEqualTo(200);
    var stillLocked =
        attacker.post(
            "/api/v1/tokens",
            Map.of("email", owner.email(), "password", TestOrganizations.PASSWORD));
    assertThat(stillLocked.status())
        .as("the owner's sign-in does not lift the attacker's lock")
        .isEqualTo(429);
    var sameAddress =
        attacker.post(
            "/api/v1/tokens",
            Map.of(
                "email",
                other.email(),
                "password",
                TestOrganizations.PASSWORD,
                "code",
                other.app().nextCode()));
    assertThat(sameAddress.status()).as("other accounts from that address").isEqualTo(200);
  }

  @Test
  void wrongPasswordsFromManyAddressesLockTheAccountEverywhere() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    for (int i = 0; i < Lockout.ACCOUNT_MAX_FAILURES; i++) {
      var bot = api.from("198.19." + (i / Lockout.PAIR_MAX_FAILURES) + "." + (i % 250 + 1));
      bot.post("/api/v1/tokens", Map.of("email", owner.email(), "password", "guess " + i));
    }
    var fresh =
        new Api(port)
            .post(
                "/api/v1/tokens",
                Map.of(
                    "email",
                    owner.email(),
                    "password",
                    TestOrganizations.PASSWORD,
                    "code",
                    owner.app().nextCode()));
    assertThat(fresh.status()).isEqualTo(429);
    assertThat(fresh.text("type")).isEqualTo("/problems/locked-out");
    assertThat(fresh.text("detail")).contains("/signin/link");
  }

  @Test
  void theLockOfAnAccountFromOneAddressGrowsWithEachFurtherFailure() {
    var owner = organizations.signUp(new Api(port));
    var user = userId(owner.email());
    var db = OwnerDatabase.jdbc(environment);
    var now = java.time.Instant.now();
    for (int i = 0; i < Lockout.PAIR_MAX_FAILURES; i++) {
      db.sql("insert into sign_in_failures (user_id, address, failed_at) values (?, ?, ?)")
          .params(user.value(), "203.0.113.9", java.sql.Timestamp.from(now.minusSeconds(1200)))
          .update();
    }
    assertThat(lockout.wait(user, "203.0.113.9"))
        .as("five failures 20 minutes ago: the first 15 minutes are over")
        .isEmpty();
    db.sql("insert into sign_in_failures (user_id, address, failed_at) values (?, ?, ?)")
        .params(user.value(), "203.0.113.9", java.sql.Timestamp.from(now.minusSeconds(1200)))
        .update();
    assertThat(lockout.wait(user, "203.0.113.9"))
        .as("a sixth failure doubles the lock to 30 minutes")
        .hasValueSatisfying(
            wait -> assertThat(wait).isBetween(Duration.ofMinutes(9), Duration.ofMinutes(10)));
    assertThat(lockout.wait(user, "203.0.113.10")).as("another address").isEmpty();
  }

  @Test
  void storedPasswordHashesAreArgon2idAtLeastAtOwaspsMinimum() {
    var owner = organizations.signUp(new Api(port));
    var hash = passwordHash(owner.email());
    var parameters =
        Pattern.compile("^\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$").matcher(hash);
    assertThat(parameters.find()).as(hash.substring(0, 30)).isTrue();
    assertThat(Integer.parseInt(parameters.group(1))).isGreaterThanOrEqualTo(19 * 1024);
    assertThat(Integer.parseInt(parameters.group(2))).isGreaterThanOrEqualTo(2);
    assertThat(Integer.parseInt(parameters.group(3))).isGreaterThanOrEqualTo(1);

    var older =
        org.springframework.security.crypto.argon2.Argon2PasswordEncoder
            .defaultsForSpringSecurity_v5_8()
            .encode(TestOrganizations.PASSWORD);
    OwnerDatabase.jdbc(environment)
        .sql("update users set password_hash = ? where lower(email) = lower(?)")
        .params(older, owner.email())
        .update();
    organizations.signIn(new Api(port), owner.email(), null);
    assertThat(passwordHash(owner.email()))
        .as("a weaker hash is made again at the next sign-in")
        .startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
  }

  private String passwordHash(String email) {
    return OwnerDatabase.jdbc(environment)
        .sql("select password_hash from users where lower(email) = lower(?)")
        .param(email)
        .query(String.class)
        .single();
  }

  @Test
  void aResetLinkSetsANewPasswordOnceAndUnlocksTheAccount() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var attacker = new Api(port);
    for (int i = 0; i < Lockout.PAIR_MAX_FAILURES; i++) {
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

  private io.carebook.shared.UserId userId(String email) {
    return new io.carebook.shared.UserId(
        OwnerDatabase.jdbc(environment)
            .sql("select id from users where lower(email) = lower(?)")
            .param(email)
            .query(java.util.UUID.class)
            .single());
  }

  private String resetToken(String email) {
    return organizations.linkToken(TenantId.PLATFORM, email, RESET);
  }
}
