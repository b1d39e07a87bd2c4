package io.carebook.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import io.carebook.TestOrganizations.Owner;
import io.carebook.WebSession;
import io.carebook.shared.VisitState;
import io.carebook.tenancy.Action;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Building a team: invitations, accepting them, and suspending or removing members. */
@CarebookTest
class StaffTests {

  private static final Pattern INVITATION =
      Pattern.compile("invitations/accept\\?token=([A-Za-z0-9_-]+)");
  private static final String PASSWORD = "the staff passphrase";

  @Autowired TestOrganizations organizations;
  @LocalServerPort int port;

  @Test
  void anInvitedPersonJoinsWithANewAccountAndLandsInTheClinic() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var email = "nurse-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    var invited =
        api.as(owner.token())
            .post("/api/v1/invitations", Map.of("email", email, "roles", List.of("ASSISTANT")));
    assertThat(invited.status()).isEqualTo(201);
    assertThat(
            api.as(owner.token())
                .get("/api/v1/invitations")
                .body()
                .path("items")
                .findValuesAsString("email"))
        .contains(email);

    var token = organizations.linkToken(owner.tenant(), email, INVITATION);
    var accepted =
        api.post(
            "/api/v1/invitations/accept",
            Map.of("token", token, "name", "Huda Samir", "password", PASSWORD));
    assertThat(accepted.status()).isEqualTo(204);
    var reused =
        api.post(
            "/api/v1/invitations/accept",
            Map.of("token", token, "name", "Huda Samir", "password", PASSWORD));
    assertThat(reused.status()).isEqualTo(400);
    assertThat(reused.text("type")).isEqualTo("/problems/invalid-token");

    var me = api.as(signIn(api, email)).get("/api/v1/me").body();
    assertThat(me.path("active").path("clinicId").asString()).isEqualTo(owner.clinic().toString());
    assertThat(me.path("active").path("roles").get(0).asString()).isEqualTo("ASSISTANT");
    assertThat(
            api.as(owner.token())
                .get("/api/v1/staff")
                .body()
                .path("items")
                .findValuesAsString("email"))
        .contains(email);
  }

  /**
   * Was accepted with the account's password, checked with no lockout, limit or audit: now the
   * person signs in as the account (through the sign-in defences) and accepts with its token.
   */
  @Test
  void somebodyWithAnAccountJoinsWithItAndWorksForTwoOrganizations() {
    var api = new Api(port);
    var first = organizations.signUp(api);
    var second = organizations.signUp(api);
    api.as(second.token())
        .post(
            "/api/v1/invitations",
            Map.of("email", first.email(), "roles", List.of("RECEPTIONIST")));
    var token = organizations.linkToken(second.tenant(), first.email(), INVITATION);

    var joined = api.as(first.token()).post("/api/v1/invitations/accept", Map.of("token", token));
    assertThat(joined.status()).as(joined.body().toString()).isEqualTo(204);

    var me = api.as(organizations.signIn(api, first.email(), null)).get("/api/v1/me").body();
    assertThat(me.path("memberships").findValuesAsString("clinicId"))
        .containsExactlyInAnyOrder(first.clinic().toString(), second.clinic().toString());
  }

  @Test
  void invitationAcceptanceCannotBruteForceAnExistingAccount() {
    var api = new Api(port);
    var victim = organizations.signUp(api);
    var attacker = organizations.signUp(api);
    api.as(attacker.token())
        .post("/api/v1/invitations", Map.of("email", victim.email(), "roles", List.of("OWNER")));
    var token = organizations.linkToken(attacker.tenant(), victim.email(), INVITATION);

    for (var guess : List.of("guess one", "guess two", TestOrganizations.PASSWORD)) {
      var tried = api.post("/api/v1/invitations/accept", Map.of("token", token, "password", guess));
      assertThat(tried.status())
          .as("no password is checked here, not even the right one")
          .isEqualTo(401);
      assertThat(tried.text("type")).isEqualTo("/problems/sign-in-required");
    }
    var asSomebodyElse =
        api.as(attacker.token()).post("/api/v1/invitations/accept", Map.of("token", token));
    assertThat(asSomebodyElse.status()).isEqualTo(403);
    assertThat(asSomebodyElse.text("type")).isEqualTo("/problems/wrong-account");
    assertThat(
            api.as(attacker.token())
                .get("/api/v1/invitations")
                .body()
                .path("items")
                .findValuesAsString("email"))
        .as("still pending")
        .contains(victim.email());

    var page = WebSession.anonymous(port).get("/invitations/accept?token=" + token).body();
    assertThat(page).contains("id=\"sign-in-to-join\"").doesNotContain("name=\"password\"");
  }

  @Test
  void anExistingAccountJoinsOnTheWebAfterSigningInAsItself() {
    var api = new Api(port);
    var first = organizations.signUp(api);
    var second = organizations.signUp(api);
    api.as(second.token())
        .post("/api/v1/invitations", Map.of("email", first.email(), "roles", List.of("DOCTOR")));
    var token = organizations.linkToken(second.tenant(), first.email(), INVITATION);

    var browser = WebSession.anonymous(port);
    var join = browser.get("/invitations/join?token=" + token);
    assertThat(join.uri().getPath()).isEqualTo("/signin");
    browser.post(
        "/signin",
        "/signin",
        "email="
            + java.net.URLEncoder.encode(first.email(), java.nio.charset.StandardCharsets.UTF_8)
            + "&password="
            + java.net.URLEncoder.encode(
                TestOrganizations.PASSWORD, java.nio.charset.StandardCharsets.UTF_8));
    var back = browser.post("/signin/code", "/signin/code", "code=" + first.app().nextCode());
    assertThat(back.uri().getPath()).as("back to the invitation").isEqualTo("/invitations/join");
    assertThat(back.body()).contains("id=\"accept-form\"");
    var joinPage = "/invitations/join?token=" + token;
    var done = browser.post(joinPage, "/invitations/join", "token=" + token);
    assertThat(done.uri().getPath()).isEqualTo("/");

    var me = api.as(organizations.signIn(api, first.email(), null)).get("/api/v1/me").body();
    assertThat(me.path("memberships").findValuesAsString("clinicId"))
        .containsExactlyInAnyOrder(first.clinic().toString(), second.clinic().toString());
  }

  @Test
  void aRevokedInvitationNoLongerOpensAndOnlyOwnersHandOutOwnership() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var email = "later-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    var id =
        api.as(owner.token())
            .post("/api/v1/invitations", Map.of("email", email, "roles", List.of("DOCTOR")))
            .text("id");
    var token = organizations.linkToken(owner.tenant(), email, INVITATION);
    assertThat(
            api.as(owner.token()).post("/api/v1/invitations/" + id + "/revoke", Map.of()).status())
        .isEqualTo(204);
    assertThat(
            api.post(
                    "/api/v1/invitations/accept",
                    Map.of("token", token, "name", "Too Late", "password", PASSWORD))
                .status())
        .isEqualTo(400);

    var manager = join(api, owner, Role.MANAGER);
    var escalation =
        api.as(manager)
            .post("/api/v1/invitations", Map.of("email", "x-" + email, "roles", List.of("OWNER")));
    assertThat(escalation.status()).isEqualTo(403);
    var fine =
        api.as(manager)
            .post(
                "/api/v1/invitations",
                Map.of("email", "y-" + email, "roles", List.of("RECEPTIONIST")));
    assertThat(fine.status()).isEqualTo(201);
  }

  @Test
  void aSuspendedMemberLosesAccessAtOnceAndARemovedOneForGood() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var reception = join(api, owner, Role.RECEPTIONIST);
    var userId = api.as(reception).get("/api/v1/me").text("userId");
    assertThat(api.as(reception).get("/api/v1/patients").status()).isEqualTo(200);

    assertThat(
            api.as(owner.token()).post("/api/v1/staff/" + userId + "/suspend", Map.of()).status())
        .isEqualTo(204);
    assertThat(api.as(reception).get("/api/v1/patients").status()).isEqualTo(401);
    assertThat(
            api.as(owner.token())
                .post("/api/v1/staff/" + userId + "/reactivate", Map.of())
                .status())
        .isEqualTo(204);
    assertThat(api.as(reception).get("/api/v1/patients").status()).isEqualTo(200);

    var ownId = api.as(owner.token()).get("/api/v1/me").text("userId");
    assertThat(api.as(owner.token()).post("/api/v1/staff/" + ownId + "/suspend", Map.of()).status())
        .isEqualTo(409);
    assertThat(api.as(reception).post("/api/v1/staff/" + ownId + "/suspend", Map.of()).status())
        .isEqualTo(403);

    var browser = io.carebook.WebSession.signIn(port, lastJoinedEmail, PASSWORD);
    assertThat(browser.get("/patients").body()).contains("patient-search");

    var removed = api.as(owner.token()).delete("/api/v1/staff/" + userId);
    assertThat(removed.status()).isEqualTo(204);
    assertThat(api.as(reception).get("/api/v1/patients").status()).isEqualTo(401);
    var afterRemoval = browser.get("/patients");
    assertThat(afterRemoval.body())
        .as("the live web session lost the clinic")
        .doesNotContain("patient-search");
  }

  /** The staff endpoints, for a member holding each single role, answer as the matrix says. */
  @ParameterizedTest
  @EnumSource(Role.class)
  void staffEndpointsFollowThePermissionMatrix(Role role) {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var member = api.as(join(api, owner, role));
    var allowed = PermissionMatrix.allows(EnumSet.of(role), Action.STAFF_MANAGE, VisitState.NONE);

    var settingsAllowed =
        PermissionMatrix.allows(EnumSet.of(role), Action.SETTINGS_MANAGE, VisitState.NONE);
    var keys = member.get("/api/v1/api-keys");
    assertThat(keys.status()).as(role + " api-keys").isEqualTo(settingsAllowed ? 200 : 403);

    var list = member.get("/api/v1/staff");
    var invite =
        member.post(
            "/api/v1/invitations",
            Map.of(
                "email", "m-" + UUID.randomUUID() + "@example.test", "roles", List.of("BILLING")));
    var pending = member.get("/api/v1/invitations");
    for (var response : List.of(list, invite, pending)) {
      if (allowed) {
        assertThat(response.status()).as(role + " " + response.raw().uri()).isBetween(200, 299);
      } else {
        assertThat(response.status()).as(role + " " + response.raw().uri()).isEqualTo(403);
        assertThat(response.text("type")).isEqualTo("/problems/forbidden");
      }
    }
  }

  private String lastJoinedEmail;

  /** Invites a new person with {@code role}, accepts for them, and returns their access token. */
  private String join(Api api, Owner owner, Role role) {
    var email =
        lastJoinedEmail =
            role.name().toLowerCase()
                + "-"
                + UUID.randomUUID().toString().substring(0, 8)
                + "@example.test";
    var invited =
        api.as(owner.token())
            .post("/api/v1/invitations", Map.of("email", email, "roles", List.of(role.name())));
    assertThat(invited.status()).isEqualTo(201);
    var token = organizations.linkToken(owner.tenant(), email, INVITATION);
    var body =
        new HashMap<String, Object>(
            Map.of("token", token, "name", "Member " + role, "password", PASSWORD));
    assertThat(api.post("/api/v1/invitations/accept", body).status()).isEqualTo(204);
    if (role == Role.OWNER || role == Role.DOCTOR) { // two-step sign-in is required of them
      organizations.enrol(api, email, PASSWORD);
      var response =
          api.post(
              "/api/v1/tokens",
              Map.of(
                  "email",
                  email,
                  "password",
                  PASSWORD,
                  "code",
                  organizations.authenticator(email).nextCode()));
      assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
      return response.text("accessToken");
    }
    return signIn(api, email);
  }

  private static String signIn(Api api, String email) {
    var response = api.post("/api/v1/tokens", Map.of("email", email, "password", PASSWORD));
    assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
    return response.text("accessToken");
  }
}
