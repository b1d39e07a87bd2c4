package io.carebook.frontdesk;

import static io.carebook.frontdesk.WalkIns.walkIn;
import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.SubscriptionStatus;
import io.carebook.tenancy.TenantTransactions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Check-in and the day's tokens, through the API. */
@CarebookTest
class CheckInTests {

  private static final ZoneId CAIRO = ZoneId.of("Africa/Cairo");

  @Autowired TestOrganizations organizations;
  @Autowired TenantTransactions tenants;
  @Autowired Tokens tokens;
  @Autowired Organizations orgs;
  @LocalServerPort int port;

  @Test
  void badInputAnswersWithFieldMessages() {
    var api = new Api(port);
    var desk = api.as(organizations.signUp(api).token());
    var nobody = desk.post("/api/v1/visits", Map.of());
    assertThat(nobody.status()).isEqualTo(400);
    assertThat(nobody.body().toString()).contains("patient");
    var badPriority = walkIn(desk, "Bad Priority", Map.of("priority", "VIP"));
    assertThat(badPriority.status()).isEqualTo(400);
    assertThat(badPriority.body().toString()).contains("priority");
    var noName = desk.post("/api/v1/visits", Map.of("patient", Map.of("fullName", "")));
    assertThat(noName.status()).isEqualTo(400);
    assertThat(noName.body().toString()).contains("fullName");
  }

  @Test
  void fiftyConcurrentCheckInsGetFiftyDifferentTokens() throws Exception {
    var api = new Api(port);
    var desk = api.as(organizations.signUp(api).token());
    var responses = new ArrayList<Future<Api.Response>>();
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 50; i++) {
        var name = "Racer " + i;
        responses.add(
            threads.submit(
                () -> desk.post("/api/v1/visits", Map.of("patient", Map.of("fullName", name)))));
      }
      var tokens = new HashSet<Integer>();
      for (var response : responses) {
        var r = response.get();
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        tokens.add(r.body().path("token").asInt());
      }
      assertThat(tokens).hasSize(50).allMatch(t -> t >= 1 && t <= 50);
    }
  }

  @Test
  void perDoctorTokensCountSeparately() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var doctor = desk.get("/api/v1/me").text("userId");
    var set = desk.put("/api/v1/front-desk/settings", Map.of("tokenScope", "DOCTOR"), Map.of());
    assertThat(set.status()).as(set.body().toString()).isEqualTo(200);
    assertThat(walkIn(desk, "No Doctor A", Map.of()).body().path("token").asInt()).isEqualTo(1);
    assertThat(
            walkIn(desk, "With Doctor A", Map.of("doctorId", doctor)).body().path("token").asInt())
        .isEqualTo(1);
    assertThat(
            walkIn(desk, "With Doctor B", Map.of("doctorId", doctor)).body().path("token").asInt())
        .isEqualTo(2);
    assertThat(walkIn(desk, "No Doctor B", Map.of()).body().path("token").asInt()).isEqualTo(2);
    var queue = desk.get("/api/v1/visits?doctorId=" + doctor);
    assertThat(queue.body().path("items").size()).isEqualTo(2);
    var unknownDoctor =
        walkIn(desk, "Unknown Doctor", Map.of("doctorId", UUID.randomUUID().toString()));
    assertThat(unknownDoctor.status()).isEqualTo(404);
  }

  @Test
  void tokensResetAtTheClinicsLocalMidnight() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    // 21:59:59 UTC and 22:00 UTC in winter: the last second of a Cairo day and the next day
    var lateEvening = Instant.parse("2026-01-14T21:59:59Z");
    var midnight = Instant.parse("2026-01-14T22:00:00Z");
    var day = FrontDesk.tokenDay(lateEvening, CAIRO);
    var next = FrontDesk.tokenDay(midnight, CAIRO);
    assertThat(day).isEqualTo(LocalDate.parse("2026-01-14"));
    assertThat(next).isEqualTo(LocalDate.parse("2026-01-15"));
    assertThat(FrontDesk.tokenDay(midnight, ZoneId.of("UTC"))).isEqualTo(day);
    tenants.run(
        owner.tenant(),
        () -> {
          assertThat(tokens.next(owner.clinic(), Tokens.WHOLE_CLINIC, day)).isEqualTo(1);
          assertThat(tokens.next(owner.clinic(), Tokens.WHOLE_CLINIC, day)).isEqualTo(2);
          assertThat(tokens.next(owner.clinic(), Tokens.WHOLE_CLINIC, next)).isEqualTo(1);
          assertThat(tokens.next(owner.clinic(), Tokens.WHOLE_CLINIC, day)).isEqualTo(3);
        });
  }

  @Test
  void aReadOnlyClinicCannotCheckInButFinishesTodaysVisits() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var visit = "/api/v1/visits/" + walkIn(desk, "Under Way", Map.of()).text("id");
    assertThat(desk.post(visit + "/start-doctor", Map.of()).status()).isEqualTo(200);
    tenants.run(
        owner.tenant(),
        () -> orgs.changeSubscriptionStatus(owner.clinic(), SubscriptionStatus.EXPIRED));
    var refused = walkIn(desk, "Too Late", Map.of());
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.text("type")).isEqualTo("/problems/clinic-read-only");
    var finished = desk.post(visit + "/complete", Map.of());
    assertThat(finished.status()).as(finished.body().toString()).isEqualTo(200);
    assertThat(finished.text("state")).isEqualTo("DONE");
  }

  @Test
  void aBookedAppointmentIsCheckedInOnce() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var doctor = desk.get("/api/v1/me").text("userId");
    io.carebook.TestCalendars.openEveryDay(desk, doctor, "00:00", "23:45");
    var tomorrow = LocalDate.now(CAIRO).plusDays(1);
    var booked =
        desk.post(
            "/api/v1/appointments",
            Map.of(
                "doctorId",
                doctor,
                "startsAt",
                tomorrow.atTime(9, 0).atZone(CAIRO).toInstant().toString(),
                "patient",
                Map.of("fullName", "Booked Patient")));
    assertThat(booked.status()).as(booked.body().toString()).isEqualTo(201);
    var checkedIn =
        desk.post(
            "/api/v1/visits", Map.of("appointmentId", booked.text("id"), "priority", "FOLLOW_UP"));
    assertThat(checkedIn.status()).as(checkedIn.body().toString()).isEqualTo(201);
    assertThat(checkedIn.text("appointmentId")).isEqualTo(booked.text("id"));
    assertThat(checkedIn.text("doctorId")).isEqualTo(doctor);
    assertThat(checkedIn.text("patientId")).isEqualTo(booked.text("patientId"));
    assertThat(desk.get("/api/v1/appointments/" + booked.text("id")).text("status"))
        .isEqualTo("ARRIVED");
    var twice = desk.post("/api/v1/visits", Map.of("appointmentId", booked.text("id")));
    assertThat(twice.status()).isEqualTo(409);
  }
}
