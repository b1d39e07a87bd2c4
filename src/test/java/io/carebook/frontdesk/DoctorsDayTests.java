package io.carebook.frontdesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.OwnerDatabase;
import io.carebook.TestOrganizations;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.SubscriptionStatus;
import io.carebook.tenancy.TenantTransactions;
import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * The doctor's day through the API: calling the next patient, waits, and what a lapsed day may do.
 */
@CarebookTest
class DoctorsDayTests {

  @Autowired TestOrganizations organizations;
  @Autowired TenantTransactions tenants;
  @Autowired Organizations orgs;
  @Autowired Environment environment;
  @LocalServerPort int port;

  private static String walkIn(Api desk, String name, Map<String, Object> extra) {
    var body = new java.util.HashMap<String, Object>(extra);
    body.put("patient", Map.of("fullName", name));
    var response = desk.post("/api/v1/visits", body);
    assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
    return response.text("id");
  }

  @Test
  void theDoctorCallsTheNextPatientInQueueOrder() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var me = desk.get("/api/v1/me").text("userId");

    var empty = desk.post("/api/v1/visits/call-next", Map.of());
    assertThat(empty.status()).isEqualTo(409);
    assertThat(empty.text("type")).isEqualTo("/problems/queue-empty");

    walkIn(desk, "Anyone First", Map.of());
    walkIn(desk, "Mine Second", Map.of("doctorId", me));
    walkIn(desk, "Urgent Third", Map.of("priority", "EMERGENCY"));

    var waits = desk.get("/api/v1/visits").body().path("estimatedWaitMinutes");
    assertThat(waits.size()).isEqualTo(3);

    var first = desk.post("/api/v1/visits/call-next", Map.of());
    assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
    assertThat(first.body().path("token").asInt()).isEqualTo(3);
    assertThat(first.text("state")).isEqualTo("WITH_DOCTOR");
    assertThat(first.text("doctorId"))
        .as("a visit for any doctor is given to the caller")
        .isEqualTo(me);
    var second = desk.post("/api/v1/visits/call-next", Map.of("doctorId", me));
    assertThat(second.body().path("token").asInt()).isEqualTo(1);
    var third = desk.post("/api/v1/visits/call-next", Map.of());
    assertThat(third.body().path("token").asInt()).isEqualTo(2);
    assertThat(desk.post("/api/v1/visits/call-next", Map.of()).status()).isEqualTo(409);
  }

  @Test
  void twoDoctorsCallingAtOnceGetDifferentPatients() throws Exception {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var other = organizations.join(api, owner, "DOCTOR");
    var otherDesk = api.as(other.token());
    for (int i = 0; i < 6; i++) {
      walkIn(desk, "Racing Patient " + i, Map.of());
    }
    var tokens = new HashSet<Integer>();
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      var calls = new java.util.ArrayList<java.util.concurrent.Future<Api.Response>>();
      for (int i = 0; i < 3; i++) {
        calls.add(threads.submit(() -> desk.post("/api/v1/visits/call-next", Map.of())));
        calls.add(threads.submit(() -> otherDesk.post("/api/v1/visits/call-next", Map.of())));
      }
      for (var call : calls) {
        var response = call.get();
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        tokens.add(response.body().path("token").asInt());
      }
    }
    assertThat(tokens).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);
  }

  @Test
  void aReadOnlyClinicFinishesTodaysVisitsButNotYesterdays() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var today = walkIn(desk, "Today Patient", Map.of());
    var yesterday = walkIn(desk, "Yesterday Patient", Map.of());
    assertThat(desk.post("/api/v1/visits/" + today + "/start-doctor", Map.of()).status())
        .isEqualTo(200);
    assertThat(desk.post("/api/v1/visits/" + yesterday + "/start-doctor", Map.of()).status())
        .isEqualTo(200);
    OwnerDatabase.jdbc(environment)
        .sql("update visits set token_day = token_day - 1 where id = ?::uuid")
        .param(yesterday)
        .update();
    tenants.run(
        owner.tenant(),
        () -> orgs.changeSubscriptionStatus(owner.clinic(), SubscriptionStatus.EXPIRED));

    var old = desk.post("/api/v1/visits/" + yesterday + "/complete", Map.of());
    assertThat(old.status()).as(old.body().toString()).isEqualTo(403);
    assertThat(old.text("type")).isEqualTo("/problems/clinic-read-only");
    assertThat(desk.get("/api/v1/visits/" + yesterday).body().path("visit").path("state").asText())
        .isEqualTo("WITH_DOCTOR");
    assertThat(desk.post("/api/v1/visits/" + today + "/complete", Map.of()).status())
        .isEqualTo(200);
  }
}
