package io.carebook.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.TestCalendars;
import io.carebook.TestOrganizations;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A service type's own rules decide its availability and the length of what it books. */
@CarebookTest
class ServiceTypesTests {

  private static final ZoneId CAIRO = ZoneId.of("Africa/Cairo");

  @Autowired TestOrganizations organizations;
  @LocalServerPort int port;

  @Test
  void aServiceTypesRulesApplyToItsAvailabilityAndBookingsWhileTheDefaultKeepsItsOwn() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var doctor = desk.get("/api/v1/me").text("userId");
    TestCalendars.openEveryDay(desk, doctor, "09:00", "11:00");

    var added = desk.post("/api/v1/service-types", type("Procedure", 40, 20));
    assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
    assertThat(added.body().path("rules").path("durationMinutes").asInt()).isEqualTo(40);

    var day = LocalDate.now(CAIRO).plusDays(2);
    var typed =
        desk.get(
            "/api/v1/availability?doctorId="
                + doctor
                + "&from="
                + day
                + "&to="
                + day
                + "&serviceType=Procedure");
    var first = typed.body().path("items").get(0);
    assertThat(minutes(first.path("startsAt").asString(), first.path("endsAt").asString()))
        .isEqualTo(40);
    // starts every 20 minutes, and the last starts 40 minutes before 11:00
    assertThat(typed.body().path("items").size()).isEqualTo(5);
    var standard =
        desk.get("/api/v1/availability?doctorId=" + doctor + "&from=" + day + "&to=" + day);
    assertThat(standard.body().path("items").size()).isEqualTo(8);

    var nine = day.atTime(9, 0).atZone(CAIRO).toInstant();
    var booked =
        desk.post(
            "/api/v1/appointments",
            Map.of(
                "doctorId",
                doctor,
                "startsAt",
                nine.toString(),
                "serviceType",
                "Procedure",
                "patient",
                Map.of("fullName", "Hoda Procedure")));
    assertThat(booked.status()).as(booked.body().toString()).isEqualTo(201);
    assertThat(minutes(booked.text("startsAt"), booked.text("endsAt"))).isEqualTo(40);
    // 9:15 is on the standard grid but inside the procedure
    var overlapping =
        desk.post(
            "/api/v1/appointments",
            Map.of(
                "doctorId",
                doctor,
                "startsAt",
                nine.plus(Duration.ofMinutes(15)).toString(),
                "patient",
                Map.of("fullName", "Omar Standard")));
    assertThat(overlapping.status()).isEqualTo(409);
  }

  @Test
  void namesAreCheckedRetiredTypesAreKeptAndTheDefaultCannotBeRetired() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());

    var blank = desk.post("/api/v1/service-types", type("  ", 15, 15));
    assertThat(blank.status()).isEqualTo(400);
    assertThat(blank.body().toString()).contains("serviceType");
    var outOfRange = desk.post("/api/v1/service-types", type("Follow-up", 2, 15));
    assertThat(outOfRange.status()).isEqualTo(400);
    assertThat(outOfRange.body().toString()).contains("durationMinutes");
    assertThat(desk.get("/api/v1/service-types").body().path("items").size()).isZero();

    assertThat(desk.post("/api/v1/service-types", type(" Follow-up ", 15, 15)).status())
        .isEqualTo(201);
    assertThat(desk.post("/api/v1/service-types", type("follow-up", 20, 20)).status())
        .isEqualTo(400);
    var retired = desk.post("/api/v1/service-types/Follow-up/retire", Map.of());
    assertThat(retired.status()).isEqualTo(200);
    var listed = desk.get("/api/v1/service-types").body().path("items").get(0);
    assertThat(listed.path("name").asString()).isEqualTo("Follow-up");
    assertThat(listed.path("retired").asBoolean()).isTrue();
    // a retired type is booked by nobody, staff included
    var me = desk.get("/api/v1/me").text("userId");
    var refused =
        desk.post(
            "/api/v1/appointments",
            Map.of(
                "doctorId",
                me,
                "startsAt",
                java.time.Instant.now().plusSeconds(86_400).toString(),
                "serviceType",
                "Follow-up",
                "patient",
                Map.of("fullName", "Too Late")));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().toString()).contains("serviceType");
    assertThat(refused.text("type")).isEqualTo("/problems/invalid-input");
    assertThat(refused.text("policy")).isEqualTo("service-type-offered");
    // adding it again brings it back, with the new rules
    var back = desk.post("/api/v1/service-types", type("Follow-up", 20, 20));
    assertThat(back.status()).isEqualTo(201);
    assertThat(back.body().path("retired").asBoolean()).isFalse();
    assertThat(back.body().path("rules").path("durationMinutes").asInt()).isEqualTo(20);
    assertThat(desk.post("/api/v1/service-types/Unknown/retire", Map.of()).status()).isEqualTo(404);
  }

  static Map<String, Object> type(String name, int minutes, int alignment) {
    var rules = new HashMap<String, Object>();
    rules.put("durationMinutes", minutes);
    rules.put("bufferBeforeMinutes", 0);
    rules.put("bufferAfterMinutes", 0);
    rules.put("minimumNoticeMinutes", 0);
    rules.put("horizonDays", 30);
    rules.put("alignmentMinutes", alignment);
    rules.put("seats", 1);
    return Map.of("name", name, "rules", rules);
  }

  private static long minutes(String starts, String ends) {
    return Duration.between(Instant.parse(starts), Instant.parse(ends)).toMinutes();
  }
}
