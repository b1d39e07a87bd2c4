package io.carebook.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.OwnerDatabase;
import io.carebook.TestOrganizations;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/** A freed slot is offered to the first in line, held for them, and passes on when unclaimed. */
@CarebookTest
class WaitlistTests {

  private static final ZoneId CAIRO = ZoneId.of("Africa/Cairo");

  @Autowired TestOrganizations organizations;
  @Autowired Waitlist waitlist;
  @Autowired Environment environment;
  @LocalServerPort int port;

  @Test
  void aCancellationOffersTheSlotToTheFirstInLineThenToTheNextWhenTheOfferExpires()
      throws Exception {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var doctor = desk.get("/api/v1/me").text("userId");
    var week = new ArrayList<Map<String, String>>();
    for (var day : java.time.DayOfWeek.values()) {
      week.add(Map.of("day", day.name(), "starts", "09:00", "ends", "12:00"));
    }
    desk.put("/api/v1/doctors/" + doctor + "/hours", week, Map.of());
    var rules =
        new HashMap<String, Object>(
            Map.of(
                "durationMinutes",
                15,
                "bufferBeforeMinutes",
                0,
                "bufferAfterMinutes",
                0,
                "minimumNoticeMinutes",
                0,
                "horizonDays",
                30,
                "alignmentMinutes",
                15,
                "seats",
                1));
    desk.put("/api/v1/booking-rules", rules, Map.of());
    var day = LocalDate.now(CAIRO).plusDays(3);
    var nine = day.atTime(9, 0).atZone(CAIRO).toInstant();
    var booked =
        desk.post(
            "/api/v1/appointments",
            Map.of(
                "doctorId",
                doctor,
                "startsAt",
                nine.toString(),
                "patient",
                Map.of("fullName", "Will Cancel")));
    var window =
        Map.of(
            "doctorId",
            doctor,
            "from",
            nine.minusSeconds(3600).toString(),
            "to",
            nine.plusSeconds(7200).toString());
    var first = desk.post("/api/v1/waitlist", with(window, "fullName", "First In Line")).text("id");
    var second =
        desk.post("/api/v1/waitlist", with(window, "fullName", "Second In Line")).text("id");

    desk.post("/api/v1/appointments/" + booked.text("id") + "/cancel", Map.of("reason", "travel"));
    var offered = awaitStatus(desk, first, "OFFERED");
    assertThat(offered.path("offeredStart").asString()).isEqualTo(nine.toString());
    var slots =
        desk.get("/api/v1/availability?doctorId=" + doctor + "&from=" + day + "&to=" + day)
            .body()
            .path("items");
    assertThat(slots.findValuesAsString("startsAt"))
        .as("the slot is held for the offer")
        .doesNotContain(nine.toString());

    // the offer runs out unclaimed: it passes to the second in line
    OwnerDatabase.jdbc(environment)
        .sql(
            "update waitlist_entries set offered_until = now() - interval '1 minute' where id = ?::uuid")
        .param(first)
        .update();
    waitlist.expireOffers(); // the scheduled pass: it finds the organizations with offers run out
    assertThat(status(desk, first)).isEqualTo(null); // no longer listed: expired
    awaitStatus(desk, second, "OFFERED");

    var accepted = desk.post("/api/v1/waitlist/" + second + "/accept", Map.of());
    assertThat(accepted.status()).isEqualTo(200);
    assertThat(accepted.text("startsAt")).isEqualTo(nine.toString());
    assertThat(desk.post("/api/v1/waitlist/" + second + "/accept", Map.of()).status())
        .isEqualTo(409);
  }

  @Test
  void theWaitlistPagesInLineOrderInTheDatabaseWithNewcomersAtTheEnd() {
    var api = new Api(port);
    var desk = api.as(organizations.signUp(api).token());
    var doctor = desk.get("/api/v1/me").text("userId");
    io.carebook.TestCalendars.openEveryDay(desk, doctor, "09:00", "12:00");
    var nine = LocalDate.now(CAIRO).plusDays(3).atTime(9, 0).atZone(CAIRO).toInstant();
    var window =
        Map.of(
            "doctorId", doctor, "from", nine.toString(), "to", nine.plusSeconds(7200).toString());
    var joined = new ArrayList<String>();
    for (int i = 0; i < 7; i++) {
      var entry = desk.post("/api/v1/waitlist", with(window, "fullName", "Waiting Patient " + i));
      assertThat(entry.status()).as(entry.body().toString()).isEqualTo(201);
      joined.add(entry.text("id"));
    }
    assertThat(io.carebook.PageWalk.whole(desk, "/api/v1/waitlist"))
        .containsExactlyElementsOf(joined);

    var walked =
        io.carebook.PageWalk.ids(
            desk,
            "/api/v1/waitlist",
            3,
            page ->
                joined.add(
                    desk.post("/api/v1/waitlist", with(window, "fullName", "Newcomer " + page))
                        .text("id")));
    assertThat(walked).as("in line, newcomers last").containsExactlyElementsOf(joined);
    io.carebook.PageWalk.tamperedCursorsAreProblems(desk, "/api/v1/waitlist");

    var other = api.as(organizations.signUp(api).token());
    var cursor = desk.get("/api/v1/waitlist?limit=1").text("next");
    assertThat(other.get("/api/v1/waitlist?cursor=" + cursor).body().path("items")).isEmpty();
    assertThat(io.carebook.PageWalk.whole(other, "/api/v1/waitlist")).isEmpty();
  }

  @Test
  void aFreedTimeGoesToTheFirstInLineWhoseServiceTypeFitsAndIsBookedForThatTypesLength()
      throws Exception {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var doctor = desk.get("/api/v1/me").text("userId");
    io.carebook.TestCalendars.openEveryDay(desk, doctor, "09:00", "12:00");
    desk.post("/api/v1/service-types", ServiceTypesTests.type("Procedure", 45, 15));
    desk.post("/api/v1/service-types", ServiceTypesTests.type("Follow-up", 10, 10));
    var day = LocalDate.now(CAIRO).plusDays(3);
    var nine = day.atTime(9, 0).atZone(CAIRO).toInstant();
    var booked =
        desk.post(
            "/api/v1/appointments",
            Map.of(
                "doctorId",
                doctor,
                "startsAt",
                nine.toString(),
                "patient",
                Map.of("fullName", "Will Cancel")));
    var window =
        Map.of(
            "doctorId",
            doctor,
            "from",
            nine.minusSeconds(3600).toString(),
            "to",
            nine.plusSeconds(7200).toString());
    var procedure =
        desk.post(
                "/api/v1/waitlist",
                with(with(window, "fullName", "Long Procedure"), "serviceType", "Procedure"))
            .text("id");
    var followUp =
        desk.post(
                "/api/v1/waitlist",
                with(with(window, "fullName", "Short Follow"), "serviceType", "Follow-up"))
            .text("id");

    desk.post("/api/v1/appointments/" + booked.text("id") + "/cancel", Map.of("reason", "travel"));
    awaitStatus(desk, followUp, "OFFERED");
    assertThat(status(desk, procedure)).as("45 minutes do not fit in 15").isEqualTo("WAITING");
    var accepted = desk.post("/api/v1/waitlist/" + followUp + "/accept", Map.of());
    assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(200);
    assertThat(accepted.text("serviceType")).isEqualTo("Follow-up");
    assertThat(accepted.text("endsAt")).isEqualTo(nine.plusSeconds(600).toString());
  }

  private static Map<String, String> with(Map<String, String> base, String key, String value) {
    var copy = new HashMap<>(base);
    copy.put(key, value);
    return copy;
  }

  private static String status(Api desk, String id) {
    for (var entry : desk.get("/api/v1/waitlist").body().path("items")) {
      if (entry.path("id").asString().equals(id)) {
        return entry.path("status").asString();
      }
    }
    return null;
  }

  private static tools.jackson.databind.JsonNode awaitStatus(Api desk, String id, String status)
      throws Exception {
    var deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      for (var entry : desk.get("/api/v1/waitlist").body().path("items")) {
        if (entry.path("id").asString().equals(id)
            && entry.path("status").asString().equals(status)) {
          return entry;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError(id + " never became " + status);
  }
}
