package io.carebook.identity.apikeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.OwnerDatabase;
import io.carebook.TestOrganizations;
import io.carebook.WebSession;
import io.carebook.audit.AuditEntries;
import io.carebook.audit.AuditQuery;
import io.carebook.identity.PermissionMatrix;
import io.carebook.identity.Role;
import io.carebook.shared.VisitState;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Permissions;
import io.carebook.tenancy.Plan;
import io.carebook.tenancy.TenantTransactions;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An agent works through the API with a key: in one clinic, with the actions it was given. */
@CarebookTest
class ApiKeysTests {

  @Autowired TestOrganizations organizations;
  @Autowired TenantTransactions tenants;
  @Autowired AuditEntries entries;
  @Autowired ApiKeys keys;
  @Autowired Permissions permissions;
  @Autowired org.springframework.core.env.Environment environment;
  @LocalServerPort int port;

  @Test
  void anAgentDoesWhatItsKeyAllowsAndIsAuditedAsAnAgent() {
    var api = new Api(port);
    var owner = organizations.onPlan(organizations.signUp(api), Plan.PRO);
    var created =
        api.as(owner.token())
            .post(
                "/api/v1/api-keys",
                Map.of(
                    "name",
                    "Booking assistant",
                    "actions",
                    List.of("PATIENT_VIEW", "PATIENT_REGISTER")));
    assertThat(created.status()).isEqualTo(201);
    var secret = created.text("secret");
    assertThat(secret).startsWith("cbk_");
    var agent = new Api(port).withHeader("X-API-Key", secret);

    var registered = agent.post("/api/v1/patients", Map.of("fullName", "Booked By Agent"));
    assertThat(registered.status()).isEqualTo(201);
    assertThat(agent.get("/api/v1/patients?q=agent").body().path("items")).hasSize(1);
    var edit =
        agent.put(
            "/api/v1/patients/" + registered.text("id"),
            Map.of("fullName", "Changed"),
            Map.of("If-Match", "\"0\""));
    assertThat(edit.status()).isEqualTo(403);
    assertThat(
            agent
                .post(
                    "/api/v1/invitations",
                    Map.of("email", "x@example.test", "roles", List.of("DOCTOR")))
                .status())
        .isEqualTo(403);
    assertThat(
            agent
                .post(
                    "/api/v1/api-keys", Map.of("name", "more", "actions", List.of("PATIENT_VIEW")))
                .status())
        .isEqualTo(403);

    var keyId = UUID.fromString(created.text("id"));
    var audited =
        tenants.call(
            owner.tenant(),
            () ->
                entries.find(
                    new AuditQuery(
                        null, null, "patients", registered.text("id"), "INSERT", null, null, null),
                    ZoneOffset.UTC,
                    5));
    assertThat(audited)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.actorType()).isEqualTo("AGENT");
              assertThat(e.actorId()).isEqualTo(keyId);
            });
    var listed = api.as(owner.token()).get("/api/v1/api-keys").body().path("items").get(0);
    assertThat(listed.path("lastUsedAt").isNull()).isFalse();
    assertThat(listed.toString()).doesNotContain(secret);
  }

  @Test
  void aRevokedOrUnknownKeyIsRefusedAndAKeyNeverCrossesOrganizations() {
    var api = new Api(port);
    var owner = organizations.onPlan(organizations.signUp(api), Plan.PRO);
    var other = organizations.onPlan(organizations.signUp(api), Plan.PRO);
    var theirs =
        api.as(other.token()).post("/api/v1/patients", Map.of("fullName", "Not Yours")).text("id");
    var created =
        api.as(owner.token())
            .post("/api/v1/api-keys", Map.of("name", "Reader", "actions", List.of("PATIENT_VIEW")));
    var agent = new Api(port).withHeader("X-API-Key", created.text("secret"));

    assertThat(agent.get("/api/v1/patients/" + theirs).status()).isEqualTo(404);
    assertThat(
            new Api(port).withHeader("X-API-Key", "cbk_made-up").get("/api/v1/patients").status())
        .isEqualTo(401);

    assertThat(
            api.as(owner.token())
                .post("/api/v1/api-keys/" + created.text("id") + "/revoke", Map.of())
                .status())
        .isEqualTo(204);
    var refused = agent.get("/api/v1/patients");
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.text("type")).isEqualTo("/problems/unauthenticated");
  }

  @Test
  void aKeyGetsNeitherMoreThanItsCreatorMayNorAnythingBeyondDayToDayWork() {
    var api = new Api(port);
    var owner = organizations.onPlan(organizations.signUp(api), Plan.PRO);
    var staff =
        api.as(owner.token())
            .post(
                "/api/v1/api-keys", Map.of("name", "Too much", "actions", List.of("STAFF_MANAGE")));
    assertThat(staff.status()).isEqualTo(400);
    assertThat(staff.body().path("errors").get(0).path("field").asString()).isEqualTo("actions");
  }

  @Test
  void apiKeysComeWithAPlanThatIncludesApiAccess() {
    var api = new Api(port);
    var owner = organizations.signUp(api); // a trial on the STARTER plan
    var desk = api.as(owner.token());
    var key = Map.of("name", "Agent", "actions", List.of("PATIENT_VIEW"));
    var refused = desk.post("/api/v1/api-keys", key);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.text("type")).isEqualTo("/problems/plan-feature");

    organizations.onPlan(owner, Plan.PRO);
    var secret = desk.post("/api/v1/api-keys", key).text("secret");
    var agent = new Api(port).withHeader("X-API-Key", secret);
    assertThat(agent.get("/api/v1/patients?q=a").status()).isEqualTo(200);

    // moved down to a plan without API access, the key stops working until the plan has it again
    organizations.onPlan(owner, Plan.GROWTH);
    var stopped = agent.get("/api/v1/patients?q=a");
    assertThat(stopped.status()).isEqualTo(403);
    assertThat(stopped.text("type")).isEqualTo("/problems/plan-feature");
    organizations.onPlan(owner, Plan.PRO);
    assertThat(agent.get("/api/v1/patients?q=a").status()).isEqualTo(200);
  }

  @Test
  void apiKeyStopsWorkingWhenItsCreatorIsRemoved() {
    var api = new Api(port);
    var owner = organizations.onPlan(organizations.signUp(api), Plan.PRO);
    var removed = organizations.join(api, owner, "MANAGER");
    var suspended = organizations.join(api, owner, "MANAGER");
    var demoted = organizations.join(api, owner, "MANAGER");
    var removedKey = agentOf(removed.token(), "PATIENT_VIEW");
    var suspendedKey = agentOf(suspended.token(), "PATIENT_VIEW");
    var demotedKey = agentOf(demoted.token(), "PATIENT_VIEW", "REPORTS_VIEW");
    for (var agent : List.of(removedKey, suspendedKey, demotedKey)) {
      assertThat(agent.get("/api/v1/patients?q=a").status()).isEqualTo(200);
    }

    var desk = api.as(owner.token());
    assertThat(desk.delete("/api/v1/staff/" + userId(api, removed.token())).status())
        .isEqualTo(204);
    assertThat(
            desk.post("/api/v1/staff/" + userId(api, suspended.token()) + "/suspend", Map.of())
                .status())
        .isEqualTo(204);
    OwnerDatabase.jdbc(environment)
        .sql("update memberships set roles = '{RECEPTIONIST}' where user_id = ?::uuid")
        .param(userId(api, demoted.token()))
        .update(); // the roles it was cut from are gone: a receptionist may not see reports

    for (var agent : List.of(removedKey, suspendedKey, demotedKey)) {
      var refused = agent.get("/api/v1/patients?q=a");
      assertThat(refused.status()).isEqualTo(401);
      assertThat(refused.text("type")).isEqualTo("/problems/api-key-lapsed");
    }
  }

  @Test
  void apiKeyCannotActOutsideTheVisitStateItsRoleAllows() {
    var api = new Api(port);
    var owner = organizations.onPlan(organizations.signUp(api), Plan.PRO);
    var manager = organizations.join(api, owner, "MANAGER");
    var secret =
        api.as(manager.token())
            .post(
                "/api/v1/api-keys",
                Map.of("name", "Desk", "actions", List.of("CHECK_IN", "PATIENT_EDIT")))
            .text("secret");
    OwnerDatabase.jdbc(environment)
        .sql("update memberships set roles = '{RECEPTIONIST}' where user_id = ?::uuid")
        .param(userId(api, manager.token()))
        .update(); // still backs the key: a receptionist checks in and corrects details

    var agent = keys.authenticate(secret).orElseThrow();
    assertThat(agent.backedByItsCreator()).isTrue();
    var may = new java.util.EnumMap<VisitState, Boolean>(VisitState.class);
    ScopedValue.where(CurrentAgent.scopedValue(), agent)
        .run(
            () -> {
              for (var state : VisitState.values()) {
                may.put(state, permissions.allows(Action.PATIENT_EDIT, state));
              }
              assertThat(permissions.allows(Action.CHECK_IN)).isTrue();
              assertThat(permissions.allows(Action.CHECK_IN, VisitState.WITH_DOCTOR)).isFalse();
            });
    for (var state : VisitState.values()) {
      assertThat(may.get(state))
          .as("the key edits a patient in %s exactly when a receptionist may", state)
          .isEqualTo(PermissionMatrix.allows(Role.RECEPTIONIST, Action.PATIENT_EDIT, state));
    }
    assertThat(may.get(VisitState.WITH_DOCTOR)).isFalse();
  }

  @Test
  void apiKeyWithoutChartScopeCannotReadCharts() {
    var api = new Api(port);
    var owner = organizations.onPlan(organizations.signUp(api), Plan.PRO);
    var desk = api.as(owner.token());
    var patient = desk.post("/api/v1/patients", Map.of("fullName", "Chart Holder")).text("id");
    var patientsOnly = agentOf(owner.token(), "PATIENT_VIEW");
    var chartReader = agentOf(owner.token(), "PATIENT_VIEW", "CHART_READ");

    assertThat(patientsOnly.get("/api/v1/patients/" + patient).status()).isEqualTo(200);
    for (var chart : List.of("chart", "history", "allergies", "medications", "documents")) {
      var path = "/api/v1/patients/" + patient + "/" + chart;
      var refused = patientsOnly.get(path);
      assertThat(refused.status()).as(path).isEqualTo(403);
      assertThat(chartReader.get(path).status()).as(path).isEqualTo(200);
    }
    assertThat(patientsOnly.get("/api/v1/prescriptions/" + UUID.randomUUID()).status())
        .isEqualTo(403);

    var browser =
        WebSession.signIn(port, owner.email(), TestOrganizations.PASSWORD, owner.app().nextCode());
    assertThat(browser.get("/settings/api-keys").body())
        .as("the scope is chosen by name on the API keys page")
        .contains("action-CHART_READ")
        .contains("charts:read");
  }

  private Api agentOf(String creatorToken, String... actions) {
    var created =
        new Api(port)
            .as(creatorToken)
            .post("/api/v1/api-keys", Map.of("name", "Agent", "actions", List.of(actions)));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    return new Api(port).withHeader("X-API-Key", created.text("secret"));
  }

  private static String userId(Api api, String token) {
    return api.as(token).get("/api/v1/me").text("userId");
  }
}
