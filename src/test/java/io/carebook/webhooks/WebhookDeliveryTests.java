package io.carebook.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.OwnerDatabase;
import io.carebook.TestOrganizations;
import io.carebook.notifications.AppProcess;
import io.carebook.tenancy.TenantSweep;
import io.carebook.tenancy.TenantTransactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * An integrator's receiver (WireMock) gets each event signed as Standard Webhooks says, verified
 * here with an HMAC computed on its own; a 500 is retried; an endpoint that keeps failing for days
 * is disabled, its owners are told and nothing more is sent to it; deliveries written while no
 * worker runs, or claimed by a worker that died, are sent by the next worker; and a delivery
 * written by a Carebook process that crashed before sending it is sent once by the process that
 * starts after it.
 */
@CarebookTest
class WebhookDeliveryTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Autowired TestOrganizations organizations;
  @Autowired Environment environment;
  @Autowired DeliveryWorker worker;
  @Autowired DeliveryQueue queue;
  @Autowired WebhookSender sender;
  @Autowired TenantSweep sweep;
  @Autowired TenantTransactions tenants;
  @Autowired WebhookSettings settings;
  @Autowired Clock clock;
  @LocalServerPort int port;

  /** An owner's organization with one endpoint at {@code receiver}, and its signing secret. */
  record Integration(TestOrganizations.Owner owner, Api desk, String endpoint, String secret) {

    String register(String name) {
      var created = desk.post("/api/v1/patients", Map.of("fullName", name));
      assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
      return created.text("id");
    }

    Api.Response read() {
      return desk.get("/api/v1/webhook-endpoints/" + endpoint);
    }
  }

  private Integration integration(Receiver receiver, List<String> types) {
    var owner = organizations.signUp(new Api(port));
    var desk = new Api(port).as(owner.token());
    var created =
        desk.post(
            "/api/v1/webhook-endpoints",
            Map.of("url", receiver.url(), "eventTypes", types, "description", "test receiver"));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    return new Integration(owner, desk, created.text("id"), created.text("secret"));
  }

  @Test
  void aReceiverGetsEachEventSignedWithIdsOnly() throws Exception {
    var receiver = new Receiver().answering(204);
    var hooks =
        integration(receiver, List.of("patient.registered", "invoice.issued", "invoice.paid"));
    var patient = hooks.register("Amira Signed");

    var received = receiver.await(WAIT, r -> r.size() == 1);
    assertThat(received).hasSize(1);
    var request = received.getFirst();
    assertThat(request.getHeader("Content-Type")).startsWith("application/json");
    assertThat(request.getHeader("webhook-signature"))
        .isEqualTo(Receiver.expectedSignature(hooks.secret(), request));
    var stamp = Long.parseLong(request.getHeader("webhook-timestamp"));
    assertThat(Math.abs(Instant.now().getEpochSecond() - stamp)).isLessThan(300);
    var body = JSON.readTree(request.getBodyAsString());
    assertThat(body.path("type").asString()).isEqualTo("patient.registered");
    assertThat(body.path("data").path("patientId").asString()).isEqualTo(patient);
    assertThat(Instant.parse(body.path("timestamp").asString())).isBefore(Instant.now());
    assertThat(request.getBodyAsString()).doesNotContain("Amira");

    // billing's new events: issued, then paid by the payment that settles it
    var invoice = hooks.desk().post("/api/v1/invoices", Map.of("patientId", patient)).text("id");
    var path = "/api/v1/invoices/" + invoice;
    hooks.desk().post(path + "/lines", Map.of("description", "Consultation", "unitPrice", "400"));
    assertThat(hooks.desk().post(path + "/issue", Map.of()).status()).isEqualTo(200);
    hooks.desk().post(path + "/payments", Map.of("method", "CASH", "amount", "150"));
    hooks.desk().post(path + "/payments", Map.of("method", "CASH", "amount", "250"));
    var all = receiver.await(WAIT, r -> r.size() == 3);
    var types = all.stream().map(r -> JSON.readTree(r.getBodyAsString())).toList();
    assertThat(types)
        .extracting(t -> t.path("type").asString())
        .containsExactlyInAnyOrder("patient.registered", "invoice.issued", "invoice.paid");
    var paid =
        types.stream().filter(t -> t.path("type").asString().equals("invoice.paid")).findFirst();
    assertThat(paid.orElseThrow().path("data").path("total").path("amount").asString())
        .isEqualTo("400.00");
    assertThat(paid.get().path("data").path("invoiceId").asString()).isEqualTo(invoice);
    for (var each : all) {
      assertThat(each.getHeader("webhook-signature"))
          .isEqualTo(Receiver.expectedSignature(hooks.secret(), each));
    }
  }

  @Test
  void aDeliveryAnsweredWith500IsRetriedWithTheSameIdAndEveryAttemptIsLogged() {
    var receiver = new Receiver().failingOnceWith(500);
    var hooks = integration(receiver, List.of("patient.registered"));
    hooks.register("Retried Patient");

    // the first retry is due 5 s after the failure, on the application's own worker
    var received = receiver.await(WAIT, r -> r.size() == 2);
    assertThat(received).hasSize(2);
    assertThat(received.get(0).getHeader("webhook-id"))
        .isEqualTo(received.get(1).getHeader("webhook-id"));
    var log = hooks.desk().get("/api/v1/webhook-endpoints/" + hooks.endpoint() + "/deliveries");
    var delivery = log.body().path("items").get(0);
    await(
        () ->
            hooks
                .desk()
                .get("/api/v1/webhook-endpoints/" + hooks.endpoint() + "/deliveries")
                .body()
                .path("items")
                .get(0)
                .path("status")
                .asString()
                .equals("DELIVERED"));
    var detail =
        hooks
            .desk()
            .get(
                "/api/v1/webhook-endpoints/"
                    + hooks.endpoint()
                    + "/deliveries/"
                    + delivery.path("id").asString());
    assertThat(detail.body().path("delivery").path("attempts").asInt()).isEqualTo(2);
    var attempts = detail.body().path("attempts");
    assertThat(attempts.get(0).path("responseStatus").asInt()).isEqualTo(200);
    assertThat(attempts.get(1).path("responseStatus").asInt()).isEqualTo(500);
    assertThat(attempts.get(1).path("responseBody").asString()).contains("down for a moment");
    assertThat(attempts.get(1).path("durationMs").asInt()).isNotNegative();
    assertThat(hooks.read().body().hasNonNull("failingSince")).isFalse();
  }

  @Test
  void anEndpointFailingForDaysIsDisabledItsOwnersAreToldAndNothingMoreIsSent() {
    var receiver = new Receiver().answering(503);
    var hooks = integration(receiver, List.of("patient.registered"));
    hooks.register("Failing Patient");
    receiver.await(WAIT, r -> !r.isEmpty());
    await(() -> hooks.read().body().hasNonNull("failingSince"));

    // six days later, the endpoint still failing: a worker of that day tries and gives up on it
    var later = worker(Clock.offset(clock, Duration.ofDays(6)));
    for (int i = 0; i < 10 && hooks.read().text("status").equals("ENABLED"); i++) {
      later.pass();
      Receiver.pause(500); // the application's own worker may hold it a moment
    }
    var endpoint = hooks.read();
    assertThat(endpoint.text("status")).isEqualTo("DISABLED");
    assertThat(endpoint.text("disabledReason")).isEqualTo("FAILING");
    awaitOwnersTold(hooks);

    var before = receiver.received().size();
    hooks.register("Unheard Patient");
    assertThat(
            hooks
                .desk()
                .post("/api/v1/webhook-endpoints/" + hooks.endpoint() + "/test", Map.of())
                .status())
        .isEqualTo(409);
    Receiver.pause(3_000);
    later.pass();
    assertThat(receiver.received()).hasSize(before);
    var log =
        hooks.desk().get("/api/v1/webhook-endpoints/" + hooks.endpoint() + "/deliveries").body();
    assertThat(log.path("items")).hasSize(1);
    assertThat(log.path("items").get(0).path("status").asString()).isEqualTo("FAILED");
  }

  @Test
  void deliveriesWrittenWhileNoWorkerRunsOrClaimedByOneThatDiedAreSentByTheNextWorker() {
    var receiver = new Receiver().answering(200);
    var hooks = integration(receiver, List.of("patient.registered"));
    worker.stop(); // the application going down: its worker no longer passes
    try {
      Receiver.pause(1_500); // a pass already under way ends
      hooks.register("Patient Before The Crash");
      hooks.register("Patient During The Crash");
      Receiver.pause(2_000);
      assertThat(receiver.received()).isEmpty();
      assertThat(pending(hooks)).isEqualTo(2);

      // a worker claims them and dies before sending anything
      tenants.run(
          hooks.owner().tenant(),
          () -> assertThat(queue.claim(clock.instant(), settings.lease, 10)).hasSize(2));
      worker(clock).pass(); // held by the dead worker's claim: not sent
      assertThat(receiver.received()).isEmpty();
      assertThat(pending(hooks)).isEqualTo(2);

      // the application restarted, once the dead worker's claim ran out: a new worker sends both
      var restarted = worker(Clock.offset(clock, settings.lease.plusSeconds(1)));
      assertThat(restarted.pass()).isGreaterThanOrEqualTo(2);
      var received = receiver.await(WAIT, r -> r.size() == 2);
      assertThat(received).hasSize(2);
      assertThat(received.stream().map(r -> r.getHeader("webhook-id")).distinct()).hasSize(2);
      assertThat(pending(hooks)).isZero();
    } finally {
      worker.start();
    }
  }

  @Test
  void aDeliveryWrittenByAProcessThatCrashedIsSentOnceByTheProcessStartedAfterIt()
      throws Exception {
    var receiver = new Receiver().answering(200);
    var hooks = integration(receiver, List.of("patient.registered"));
    var tasks = "webhooks-restart-" + UUID.randomUUID(); // its reminders' queue: none here
    var privateAddresses = "carebook.webhooks.allow-private-addresses";
    worker.stop(); // only the processes started here deliver
    try {
      Receiver.pause(1_500); // a pass already under way ends
      String patient;
      try (var crashing =
          AppProcess.start(
              environment,
              "webhooks-crash",
              tasks,
              "http://localhost:9",
              // its worker would pass in an hour: the process dies long before
              Map.of("carebook.webhooks.interval", "PT1H", privateAddresses, "true"))) {
        var created =
            new Api(crashing.port())
                .as(hooks.owner().token())
                .post("/api/v1/patients", Map.of("fullName", "Patient Across A Crash"));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        patient = created.text("id");
        crashing.kill();
      }
      assertThat(pending(hooks)).isEqualTo(1);
      assertThat(receiver.received()).isEmpty();

      try (var restarted =
          AppProcess.start(
              environment,
              "webhooks-restarted",
              tasks,
              "http://localhost:9",
              Map.of(privateAddresses, "true"))) {
        var received = receiver.await(WAIT, r -> r.size() == 1);
        assertThat(received).hasSize(1);
        var request = received.getFirst();
        assertThat(request.getHeader("webhook-signature"))
            .isEqualTo(Receiver.expectedSignature(hooks.secret(), request));
        var body = JSON.readTree(request.getBodyAsString());
        assertThat(body.path("type").asString()).isEqualTo("patient.registered");
        assertThat(body.path("data").path("patientId").asString()).isEqualTo(patient);
        Receiver.pause(2_000); // a second sending, if any, would show by now
        assertThat(receiver.received()).hasSize(1);
        assertThat(pending(hooks)).isZero();
        restarted.stop();
      }
    } finally {
      worker.start();
    }
  }

  @Test
  void aTestEventAndAReplayReachTheReceiverSigned() throws Exception {
    var receiver = new Receiver().answering(200);
    var hooks = integration(receiver, List.of("appointment.booked"));
    var test =
        hooks.desk().post("/api/v1/webhook-endpoints/" + hooks.endpoint() + "/test", Map.of());
    assertThat(test.status()).as(test.body().toString()).isEqualTo(202);
    var first = receiver.await(WAIT, r -> r.size() == 1).getFirst();
    assertThat(JSON.readTree(first.getBodyAsString()).path("type").asString())
        .isEqualTo("webhook.test");
    await(() -> deliveryStatus(hooks, test.text("id")).equals("DELIVERED"));

    var replay =
        hooks
            .desk()
            .post(
                "/api/v1/webhook-endpoints/"
                    + hooks.endpoint()
                    + "/deliveries/"
                    + test.text("id")
                    + "/replay",
                Map.of());
    assertThat(replay.status()).as(replay.body().toString()).isEqualTo(202);
    var both = receiver.await(WAIT, r -> r.size() == 2);
    assertThat(both).hasSize(2);
    assertThat(both.get(1).getHeader("webhook-id")).isEqualTo(test.text("id"));
    assertThat(both.get(1).getHeader("webhook-signature"))
        .isEqualTo(Receiver.expectedSignature(hooks.secret(), both.get(1)));
  }

  @Test
  void theDeveloperModeReceiverOfTheDemoAcceptsGenuineDeliveriesAndRefusesForgedOnes() {
    var hooks = integration(new Receiver().answering(204), List.of("patient.registered"));
    var own =
        "http://localhost:"
            + port
            + "/api/v1/webhooks/dev-receiver/"
            + hooks.owner().tenant()
            + "/"
            + hooks.endpoint();
    var read = hooks.read();
    var moved =
        hooks
            .desk()
            .put(
                "/api/v1/webhook-endpoints/" + hooks.endpoint(),
                Map.of("url", own, "eventTypes", List.of("patient.registered")),
                Map.of("If-Match", read.header("ETag")));
    assertThat(moved.status()).as(moved.body().toString()).isEqualTo(200);
    hooks.register("Demo Patient");
    await(
        () ->
            hooks
                    .desk()
                    .get("/api/v1/webhook-endpoints/" + hooks.endpoint() + "/deliveries")
                    .body()
                    .path("items")
                    .path(0)
                    .path("lastStatus")
                    .asInt()
                == 204);

    var forged =
        new Api(port)
            .withHeader("webhook-id", "msg_forged")
            .withHeader("webhook-timestamp", Long.toString(Instant.now().getEpochSecond()))
            .withHeader("webhook-signature", "v1,bm90IGEgc2lnbmF0dXJl")
            .postRaw(own.substring(own.indexOf("/api/")), "{\"type\": \"patient.registered\"}");
    assertThat(forged.status()).isEqualTo(401);
  }

  private DeliveryWorker worker(Clock at) {
    var fresh = new DeliveryWorker(queue, sender, sweep, tenants, settings, at);
    fresh.start();
    return fresh;
  }

  private long pending(Integration hooks) {
    return database()
        .sql(
            "select count(*) from webhook_deliveries where endpoint_id = ?::uuid"
                + " and status = 'PENDING'")
        .param(hooks.endpoint())
        .query(Long.class)
        .single();
  }

  private String deliveryStatus(Integration hooks, String delivery) {
    return hooks
        .desk()
        .get("/api/v1/webhook-endpoints/" + hooks.endpoint() + "/deliveries/" + delivery)
        .body()
        .path("delivery")
        .path("status")
        .asString();
  }

  private void awaitOwnersTold(Integration hooks) {
    await(
        () ->
            database()
                    .sql(
                        "select count(*) from outbox_messages where tenant_id = ?"
                            + " and kind = 'WEBHOOK_DISABLED' and recipient = ?")
                    .params(hooks.owner().tenant().value(), hooks.owner().email())
                    .query(Long.class)
                    .single()
                == 1);
  }

  private JdbcClient database() {
    return OwnerDatabase.jdbc(environment);
  }

  private static void await(java.util.function.BooleanSupplier condition) {
    var deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + WAIT);
      }
      Receiver.pause(200);
    }
  }
}
