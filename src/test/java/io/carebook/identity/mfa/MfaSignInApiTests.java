package io.carebook.identity.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.OwnerDatabase;
import io.carebook.TestAuthenticator;
import io.carebook.TestOrganizations;
import io.carebook.TestOrganizations.Owner;
import io.carebook.WebSession;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/** Signing in through the API with a second factor, and setting one up there. */
@CarebookTest
class MfaSignInApiTests {

  @Autowired TestOrganizations organizations;
  @Autowired Environment environment;
  @LocalServerPort int port;

  Api api;

  @BeforeEach
  void client() {
    api = new Api(port);
  }

  @Test
  void anOwnerGetsNoTokenUntilTwoStepSignInIsSetUpOnlyAnEnrolmentToken() {
    var email = signUpWithoutEnrolling();
    var refused = signIn(email, null);
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.text("type")).isEqualTo("/problems/mfa-enrolment-required");
    assertThat(refused.text("accessToken")).isEmpty();

    var enrolling = api.as(refused.text("enrolmentToken"));
    var patients = enrolling.get("/api/v1/patients");
    assertThat(patients.status()).isEqualTo(403);
    assertThat(patients.text("type")).isEqualTo("/problems/mfa-enrolment-required");
    assertThat(enrolling.get("/api/v1/me").status()).isEqualTo(403);
    var status = enrolling.get("/api/v1/me/mfa");
    assertThat(status.status()).isEqualTo(200);
    assertThat(status.body().path("required").asBoolean()).isTrue();
    assertThat(status.body().path("enrolled").asBoolean()).isFalse();
  }

  @Test
  void theSecondStepRefusesNoCodeAWrongCodeAndAReplayedOneAndTakesTheRightOne() {
    var owner = organizations.signUp(api);

    var withoutCode = signIn(owner.email(), null);
    assertThat(withoutCode.status()).isEqualTo(401);
    assertThat(withoutCode.text("type")).isEqualTo("/problems/mfa-required");

    var wrong = signIn(owner.email(), wrongCode(owner));
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.text("type")).isEqualTo("/problems/invalid-code");

    var code = owner.app().nextCode();
    var accepted = signIn(owner.email(), code);
    assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(200);
    assertThat(api.as(accepted.text("accessToken")).get("/api/v1/patients").status())
        .isEqualTo(200);

    var replayed = signIn(owner.email(), code);
    assertThat(replayed.status()).isEqualTo(401);
    assertThat(replayed.text("type")).isEqualTo("/problems/invalid-code");
  }

  @Test
  void aRecoveryCodeSignsInOnceInPlaceOfACode() {
    var owner = organizations.signUp(api);
    var recovery = owner.app().recoveryCode();
    var first = signIn(owner.email(), recovery.toUpperCase(java.util.Locale.ROOT));
    assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
    var again = signIn(owner.email(), recovery);
    assertThat(again.status()).isEqualTo(401);
    assertThat(again.text("type")).isEqualTo("/problems/invalid-code");
    var status = api.as(first.text("accessToken")).get("/api/v1/me/mfa");
    assertThat(status.body().path("recoveryCodesLeft").asInt()).isEqualTo(9);
  }

  @Test
  void theSecretIsStoredEncryptedAndKeptOutOfTheAudit() {
    var owner = organizations.signUp(api);
    var userId = api.as(owner.token()).get("/api/v1/me").text("userId");
    var database = OwnerDatabase.jdbc(environment);
    var stored =
        database
            .sql("select secret from totp_authenticators where user_id = ?::uuid")
            .param(userId)
            .query(byte[].class)
            .single();
    assertThat(stored).hasSizeGreaterThan(20 + 16); // nonce and tag around the 20-byte secret
    assertThat(new String(stored, StandardCharsets.ISO_8859_1))
        .doesNotContain(new String(owner.app().secret(), StandardCharsets.ISO_8859_1));
    var audited =
        database
            .sql(
                "select changes::text from audit_log where entity_type = 'totp_authenticators'"
                    + " and entity_id = ? and action = 'INSERT'")
            .param(userId)
            .query(String.class)
            .single();
    assertThat(audited).contains("\"secret\": {\"to\": \"***\"}");
  }

  @Test
  void turningItOffNeedsACurrentCodeAndAnOwnerMustThenSetItUpAgain() {
    var owner = organizations.signUp(api);
    var me = api.as(owner.token());
    var refused = me.post("/api/v1/me/mfa/disable", Map.of("code", wrongCode(owner)));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.text("type")).isEqualTo("/problems/invalid-code");

    var renewed = me.post("/api/v1/me/mfa/recovery-codes", Map.of("code", owner.app().nextCode()));
    assertThat(renewed.status()).isEqualTo(200);
    assertThat(renewed.body().path("recoveryCodes")).hasSize(10);
    var codes = new java.util.ArrayList<String>();
    renewed.body().path("recoveryCodes").forEach(c -> codes.add(c.asString()));
    owner.app().recoveryCodes(codes); // the old ones no longer work

    var off = me.post("/api/v1/me/mfa/disable", Map.of("code", owner.app().nextCode()));
    assertThat(off.status()).isEqualTo(204);
    assertThat(signIn(owner.email(), null).text("type"))
        .isEqualTo("/problems/mfa-enrolment-required");
  }

  @Test
  void refreshRefusedOnceMfaBecomesRequired() {
    var owner = organizations.signUp(api);
    var ownersRefresh = signIn(owner.email(), owner.app().nextCode()).text("refreshToken");
    var receptionist = organizations.join(api, owner, "RECEPTIONIST");
    var withoutFactor = signIn(receptionist.email(), null);
    assertThat(withoutFactor.status()).isEqualTo(200);
    var enrolledLater = organizations.join(api, owner, "RECEPTIONIST");
    var enrolledLaterRefresh = signIn(enrolledLater.email(), null).text("refreshToken");
    var me = api.as(enrolledLater.token());
    var app = new TestAuthenticator(me.post("/api/v1/me/mfa", Map.of()).text("secret"));
    assertThat(me.post("/api/v1/me/mfa/confirmation", Map.of("code", app.nextCode())).status())
        .isEqualTo(200);
    assertThat(
            api.post(
                    "/api/v1/tokens/refresh",
                    Map.of("refreshToken", withoutFactor.text("refreshToken")))
                .status())
        .as("before the policy changes, a family without a second factor renews")
        .isEqualTo(200);
    var receptionistsRefresh = signIn(receptionist.email(), null).text("refreshToken");

    var session =
        WebSession.signIn(port, owner.email(), TestOrganizations.PASSWORD, owner.app().nextCode());
    session.post("/account/mfa", "/account/mfa/organization", "requiredForAll=true");

    var refused = api.post("/api/v1/tokens/refresh", Map.of("refreshToken", receptionistsRefresh));
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.text("type")).isEqualTo("/problems/mfa-enrolment-required");
    assertThat(refused.text("accessToken")).isEmpty();
    assertThat(refused.text("enrolmentToken")).isNotEmpty();
    var mustGiveCode =
        api.post("/api/v1/tokens/refresh", Map.of("refreshToken", enrolledLaterRefresh));
    assertThat(mustGiveCode.status()).isEqualTo(401);
    assertThat(mustGiveCode.text("type")).isEqualTo("/problems/mfa-sign-in-required");
    var withCode = api.post("/api/v1/tokens/refresh", Map.of("refreshToken", ownersRefresh));
    assertThat(withCode.status()).as("a family begun with a code still renews").isEqualTo(200);
    var switched =
        api.as(receptionist.token())
            .post("/api/v1/tokens/switch-clinic", Map.of("clinicId", owner.clinic().toString()));
    assertThat(switched.status())
        .as("nor can an access token without a second factor be exchanged for a new family")
        .isEqualTo(401);
    assertThat(switched.text("type")).isEqualTo("/problems/mfa-enrolment-required");
  }

  private Api.Response signIn(String email, @Nullable String code) {
    var body =
        new HashMap<String, Object>(Map.of("email", email, "password", TestOrganizations.PASSWORD));
    if (code != null) {
      body.put("code", code);
    }
    return api.post("/api/v1/tokens", body);
  }

  /** A well-formed code of a step far from now: never accepted. */
  private static String wrongCode(Owner owner) {
    return owner.app().code(System.currentTimeMillis() / 30_000 + 1000);
  }

  private String signUpWithoutEnrolling() {
    var suffix = UUID.randomUUID().toString().substring(0, 8);
    var email = "owner-" + suffix + "@example.test";
    var form = new HashMap<String, Object>();
    form.put("organizationName", "Org " + suffix);
    form.put("clinicName", "Clinic " + suffix);
    form.put("ownerName", "Owner " + suffix);
    form.put("email", email);
    form.put("password", TestOrganizations.PASSWORD);
    form.put("country", "EG");
    form.put("timezone", "Africa/Cairo");
    form.put("currency", "EGP");
    form.put("ownerIsDoctor", false);
    var created = api.post("/api/v1/signups", form);
    var tenant = io.carebook.shared.TenantId.of(created.text("organizationId"));
    api.post(
        "/api/v1/email-confirmations", Map.of("token", organizations.confirmationToken(tenant)));
    return email;
  }
}
