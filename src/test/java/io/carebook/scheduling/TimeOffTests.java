package io.carebook.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.OwnerDatabase;
import io.carebook.TestOrganizations;
import io.carebook.TestOrganizations.Owner;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * A doctor's time is shared by every organization they work for: only the doctor blocks it
 * everywhere; an organization blocks it at its own clinic only; every entry is bounded and can be
 * lifted by the doctor or by whoever recorded it.
 */
@CarebookTest
class TimeOffTests {

  private static final ZoneId CAIRO = ZoneId.of("Africa/Cairo");

  @Autowired TestOrganizations organizations;
  @Autowired Environment environment;
  @LocalServerPort int port;

  @Test
  void organizationCannotBlockADoctorAtAnotherOrganizationsClinics() {
    var api = new Api(port);
    var x = organizations.signUp(api);
    var y = organizations.signUp(api);
    var atX = api.as(x.token());
    var doctor = openAllWeek(atX);
    var atY = shareDoctor(api, y, doctor);
    var day = LocalDate.now(CAIRO).plusDays(5);

    var blocked = atY.post("/api/v1/doctors/" + doctor + "/time-off", wholeDay(day));
    assertThat(blocked.status()).as(blocked.body().toString()).isEqualTo(201);
    assertThat(blocked.body().path("everywhere").asBoolean()).isFalse();
    var entry = blocked.text("id");

    assertThat(slots(atY, doctor, day)).as("blocked at Y's clinic").isEmpty();
    assertThat(book(atY, doctor, day.atTime(10, 0)).status()).isEqualTo(409);
    assertThat(slots(atX, doctor, day)).as("free at X's clinic").isNotEmpty();
    assertThat(book(atX, doctor, day.atTime(10, 0)).status()).isEqualTo(201);

    var managerOfX = api.as(organizations.join(api, x, "MANAGER").token());
    assertThat(managerOfX.get("/api/v1/doctors/" + doctor + "/time-off").body().toString())
        .as("another organization's entry is never shown")
        .doesNotContain(entry);
    assertThat(atX.get("/api/v1/doctors/" + doctor + "/time-off").body().toString())
        .doesNotContain(entry);
    assertThat(managerOfX.delete("/api/v1/doctors/" + doctor + "/time-off/" + entry).status())
        .as("another organization cannot lift it")
        .isEqualTo(404);
    var z = organizations.signUp(api);
    var atZ = api.as(z.token());
    assertThat(atZ.post("/api/v1/doctors/" + doctor + "/time-off", wholeDay(day)).status())
        .as("an organization the doctor does not work for")
        .isEqualTo(404);
    assertThat(atZ.delete("/api/v1/doctors/" + doctor + "/time-off/" + entry).status())
        .isEqualTo(404);
    assertThat(slots(atY, doctor, day)).isEmpty();
    assertThat(atY.get("/api/v1/doctors/" + doctor + "/time-off").body().toString())
        .contains(entry);
  }

  @Test
  void leaveIsBoundedAndCanBeLifted() {
    var api = new Api(port);
    var x = organizations.signUp(api);
    var y = organizations.signUp(api);
    var atX = api.as(x.token()); // X's owner is the doctor
    var doctor = openAllWeek(atX);
    var atY = shareDoctor(api, y, doctor);
    var day = LocalDate.now(CAIRO).plusDays(5);
    var path = "/api/v1/doctors/" + doctor + "/time-off";

    var now = Instant.now();
    var tooLong = atX.post(path, Map.of("starts", at(day), "ends", at(day.plusDays(91))));
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.body().toString()).contains("ends");
    var tooFar =
        atX.post(
            path,
            Map.of(
                "starts",
                now.plusSeconds(366L * 86400).toString(),
                "ends",
                now.plusSeconds(367L * 86400).toString()));
    assertThat(tooFar.status()).isEqualTo(400);
    var past =
        atX.post(
            path,
            Map.of(
                "starts",
                now.minusSeconds(3 * 86400).toString(),
                "ends",
                now.minusSeconds(2 * 86400).toString()));
    assertThat(past.status()).isEqualTo(400);

    // the doctor's own leave: busy everywhere, and theirs to lift
    var leave = atX.post(path, wholeDay(day));
    assertThat(leave.status()).as(leave.body().toString()).isEqualTo(201);
    assertThat(leave.body().path("everywhere").asBoolean()).isTrue();
    assertThat(slots(atX, doctor, day)).isEmpty();
    assertThat(slots(atY, doctor, day)).isEmpty();
    assertThat(atY.delete(path + "/" + leave.text("id")).status())
        .as("another organization cannot lift the doctor's own leave")
        .isEqualTo(404);
    assertThat(atY.get(path).body().toString()).doesNotContain(leave.text("id"));
    var managerOfX = api.as(organizations.join(api, x, "MANAGER").token());
    assertThat(managerOfX.delete(path + "/" + leave.text("id")).status())
        .as("nor can the organization it was recorded in: it is the doctor's")
        .isEqualTo(404);
    assertThat(atX.delete(path + "/" + leave.text("id")).status()).isEqualTo(204);
    assertThat(slots(atX, doctor, day)).isNotEmpty();
    assertThat(slots(atY, doctor, day)).isNotEmpty();

    // an organization's time off: lifted by it, or by the doctor from anywhere
    var byY = atY.post(path, wholeDay(day));
    assertThat(byY.status()).isEqualTo(201);
    assertThat(atY.delete(path + "/" + byY.text("id")).status()).isEqualTo(204);
    assertThat(slots(atY, doctor, day)).isNotEmpty();
    var again = atY.post(path, wholeDay(day));
    assertThat(again.status()).isEqualTo(201);
    assertThat(atX.delete(path + "/" + again.text("id")).status())
        .as("the doctor lifts what an organization recorded about them")
        .isEqualTo(204);
    assertThat(slots(atY, doctor, day)).isNotEmpty();
    assertThat(atX.delete(path + "/" + again.text("id")).status()).isEqualTo(404);
  }

  /**
   * The doctor (X's owner) also works at Y's clinic, with the same hours and rules there. Added in
   * the database, as this test is about time off, not invitations. Returns Y's owner's API.
   */
  private Api shareDoctor(Api api, Owner y, String doctor) {
    OwnerDatabase.jdbc(environment)
        .sql(
            "insert into memberships (tenant_id, clinic_id, user_id, roles)"
                + " values (?, ?, ?::uuid, '{DOCTOR}')")
        .params(y.tenant().value(), y.clinic().value(), doctor)
        .update();
    var atY = api.as(y.token());
    var set = atY.put("/api/v1/doctors/" + doctor + "/hours", allWeek(), Map.of());
    assertThat(set.status()).as(set.body().toString()).isEqualTo(200);
    rules(atY);
    return atY;
  }

  private static Map<String, String> wholeDay(LocalDate day) {
    return Map.of("starts", at(day), "ends", at(day.plusDays(1)));
  }

  private static String at(LocalDate day) {
    return day.atStartOfDay(CAIRO).toInstant().toString();
  }

  private static List<String> slots(Api desk, String doctor, LocalDate day) {
    var starts = new ArrayList<String>();
    desk.get("/api/v1/availability?doctorId=" + doctor + "&from=" + day + "&to=" + day)
        .body()
        .path("items")
        .forEach(s -> starts.add(s.path("startsAt").asString()));
    return starts;
  }

  private static Api.Response book(Api desk, String doctor, java.time.LocalDateTime start) {
    return desk.post(
        "/api/v1/appointments",
        Map.of(
            "doctorId",
            doctor,
            "startsAt",
            start.atZone(CAIRO).toInstant().toString(),
            "patient",
            Map.of("fullName", "Patient " + start)));
  }

  /** The owner is also the doctor: open 08:00–20:00 every day; returns the doctor's id. */
  private static String openAllWeek(Api desk) {
    var doctor = desk.get("/api/v1/me").text("userId");
    var set = desk.put("/api/v1/doctors/" + doctor + "/hours", allWeek(), Map.of());
    assertThat(set.status()).as(set.body().toString()).isEqualTo(200);
    rules(desk);
    return doctor;
  }

  private static List<Map<String, String>> allWeek() {
    var week = new ArrayList<Map<String, String>>();
    for (var day : DayOfWeek.values()) {
      week.add(Map.of("day", day.name(), "starts", "08:00", "ends", "20:00"));
    }
    return week;
  }

  private static void rules(Api desk) {
    var set =
        desk.put(
            "/api/v1/booking-rules",
            Map.of(
                "durationMinutes", 15,
                "bufferBeforeMinutes", 0,
                "bufferAfterMinutes", 0,
                "minimumNoticeMinutes", 0,
                "horizonDays", 60,
                "alignmentMinutes", 15,
                "seats", 1),
            Map.of());
    assertThat(set.status()).as(set.body().toString()).isEqualTo(200);
  }
}
