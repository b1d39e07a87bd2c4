package io.carebook.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.TestCalendars;
import io.carebook.TestOrganizations;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A create retried with the same Idempotency-Key happens once. */
@CarebookTest
class IdempotencyTests {

  private static final ZoneId CAIRO = ZoneId.of("Africa/Cairo");

  @Autowired TestOrganizations organizations;
  @Autowired TenantTransactions tenants;
  @Autowired JdbcClient jdbc;
  @Autowired IdempotencyKeysCleanup cleanup;
  @Autowired org.springframework.core.env.Environment environment;
  @LocalServerPort int port;

  @Test
  void aRetryGetsTheFirstAnswerAndCreatesNothingNew() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var key = UUID.randomUUID().toString();
    var desk = api.as(owner.token()).withHeader("Idempotency-Key", key);

    var first =
        desk.post("/api/v1/patients", Map.of("fullName", "Retried Once", "phone", "01005556677"));
    var retry =
        desk.post("/api/v1/patients", Map.of("fullName", "Retried Once", "phone", "01005556677"));
    assertThat(first.status()).isEqualTo(201);
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.text("id")).isEqualTo(first.text("id"));
    assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(api.as(owner.token()).get("/api/v1/patients?q=retried").body().path("items"))
        .hasSize(1);

    var reused = desk.post("/api/v1/patients", Map.of("fullName", "Someone Else"));
    assertThat(reused.status()).isEqualTo(422);
    assertThat(reused.text("type")).isEqualTo("/problems/idempotency-key-reused");
  }

  @Test
  void aKeptAnswerThatCarriesASecretIsSealedAndStillReplayed() {
    var api = new Api(port);
    var owner = organizations.onPlan(organizations.signUp(api), Plan.PRO);
    var key = UUID.randomUUID().toString();
    var desk = api.as(owner.token()).withHeader("Idempotency-Key", key);
    var body = Map.of("name", "Retried agent", "actions", java.util.List.of("PATIENT_VIEW"));

    var first = desk.post("/api/v1/api-keys", body);
    var retry = desk.post("/api/v1/api-keys", body);
    assertThat(first.status()).isEqualTo(201);
    var secret = first.text("secret");
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(retry.text("secret")).isEqualTo(secret);
    assertThat(retry.text("id")).isEqualTo(first.text("id"));
    assertThat(api.as(owner.token()).get("/api/v1/api-keys").body().path("items"))
        .as("one key made by two tries")
        .hasSize(1);

    var kept =
        io.carebook.OwnerDatabase.jdbc(environment)
            .sql("select body from idempotency_keys where key = ?")
            .param(key)
            .query(byte[].class)
            .single();
    assertThat(new String(kept, java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain(secret)
        .doesNotContain("Retried agent");
  }

  @Test
  void keysBelongToTheirOrganization() {
    var api = new Api(port);
    var first = organizations.signUp(api);
    var second = organizations.signUp(api);
    var key = "shared-key-" + UUID.randomUUID();
    var a =
        api.as(first.token())
            .withHeader("Idempotency-Key", key)
            .post("/api/v1/patients", Map.of("fullName", "Same Key"));
    var b =
        api.as(second.token())
            .withHeader("Idempotency-Key", key)
            .post("/api/v1/patients", Map.of("fullName", "Same Key"));
    assertThat(a.status()).isEqualTo(201);
    assertThat(b.status()).isEqualTo(201);
    assertThat(b.text("id")).isNotEqualTo(a.text("id"));
  }

  @Test
  void aBookingKeepsItsKeyInItsOwnTransactionAndARefusalLeavesTheKeyFree() throws Exception {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var doctor = desk.get("/api/v1/me").text("userId");
    TestCalendars.openEveryDay(desk, doctor, "08:00", "20:00");
    var nine = LocalDate.now(CAIRO).plusDays(3).atTime(9, 0).atZone(CAIRO).toInstant();
    var booking =
        Map.of(
            "doctorId", doctor,
            "startsAt", nine.toString(),
            "patient", Map.of("fullName", "Booked Once"));
    var keyed = desk.withHeader("Idempotency-Key", UUID.randomUUID().toString());

    // racing retries wait for the first and get its answer
    var answers = new ArrayList<Future<Api.Response>>();
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 4; i++) {
        answers.add(threads.submit(() -> keyed.post("/api/v1/appointments", booking)));
      }
    }
    var ids = new java.util.HashSet<String>();
    for (var answer : answers) {
      var response = answer.get();
      assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
      ids.add(response.text("id"));
    }
    assertThat(ids).hasSize(1);
    var retry = keyed.post("/api/v1/appointments", booking);
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(retry.text("id")).isIn(ids);
    var day = nine.minusSeconds(3600).toString();
    assertThat(
            desk.get("/api/v1/appointments?from=" + day + "&to=" + nine.plusSeconds(3600))
                .body()
                .path("items"))
        .hasSize(1);
    assertThat(keyed.post("/api/v1/appointments", Map.of("doctorId", doctor)).status())
        .as("the same key for another body")
        .isEqualTo(422);

    // a refusal rolls back with its key: the same request may be made again for real
    var second = desk.withHeader("Idempotency-Key", UUID.randomUUID().toString());
    var other =
        Map.of(
            "doctorId", doctor,
            "startsAt", nine.toString(),
            "patient", Map.of("fullName", "Second Comer"));
    var refused = second.post("/api/v1/appointments", other);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.text("type")).isEqualTo("/problems/slot-taken");
    assertThat(
            desk.post(
                    "/api/v1/appointments/" + retry.text("id") + "/cancel",
                    Map.of("reason", "freed for the second"))
                .status())
        .isEqualTo(200);
    var booked = second.post("/api/v1/appointments", other);
    assertThat(booked.status()).as(booked.body().toString()).isEqualTo(201);
    assertThat(booked.header("Idempotent-Replayed")).as("made for real").isNotEqualTo("true");
  }

  @Test
  void keysPastTheirDayAreDeletedByTheCleanup() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var insert =
        "insert into idempotency_keys (tenant_id, actor, key, request_hash, created_at)"
            + " values (?, 'system', ?, '\\x00', now() - ?::interval)";
    tenants.run(
        owner.tenant(),
        () -> {
          jdbc.sql(insert).params(owner.tenant().value(), "old", "25 hours").update();
          jdbc.sql(insert).params(owner.tenant().value(), "fresh", "1 hour").update();
        });
    cleanup.deleteExpired();
    assertThat(
            tenants.call(
                owner.tenant(),
                () -> jdbc.sql("select key from idempotency_keys").query(String.class).list()))
        .containsExactly("fresh");
  }
}
