package io.carebook.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import io.carebook.TestOrganizations.Owner;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Booking is safe under concurrency, across clinics and organizations, and follows the rules. */
@CarebookTest
class BookingTests {

  private static final ZoneId CAIRO = ZoneId.of("Africa/Cairo");

  @Autowired TestOrganizations organizations;
  @Autowired org.springframework.core.env.Environment environment;
  @LocalServerPort int port;

  @Test
  void twoHundredRacingRequestsForTwentySlotsGiveExactlyTwentyBookings() throws Exception {
    assertThat(race(1)).isEqualTo(20);
  }

  @Test
  void withTwoPatientsPerSlotTheyGiveExactlyForty() throws Exception {
    assertThat(race(2)).isEqualTo(40);
  }

  /** 200 requests, ten per slot for twenty slots, at once; returns how many were booked. */
  private int race(int seats) throws Exception {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var doctor = openAllWeek(desk, owner);
    rules(desk, Map.of("seats", seats));
    var day = LocalDate.now(CAIRO).plusDays(2);
    var slots = new ArrayList<Instant>();
    for (int i = 0; i < 20; i++) {
      slots.add(day.atTime(9, 0).plusMinutes(15L * i).atZone(CAIRO).toInstant());
    }
    var statuses = new ArrayList<Future<Api.Response>>();
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 200; i++) {
        var start = slots.get(i % 20);
        var name = "Racer " + i;
        statuses.add(
            threads.submit(
                () ->
                    desk.post(
                        "/api/v1/appointments",
                        Map.of(
                            "doctorId",
                            doctor,
                            "startsAt",
                            start.toString(),
                            "patient",
                            Map.of("fullName", name)))));
      }
      var booked = 0;
      for (var status : statuses) {
        var response = status.get();
        if (response.status() == 201) {
          booked++;
        } else {
          assertThat(response.status()).as(response.body().toString()).isEqualTo(409);
          assertThat(response.text("type")).isEqualTo("/problems/slot-taken");
          assertThat(response.body().has("alternatives")).isTrue();
        }
      }
      var perSlot = new HashMap<String, Integer>();
      desk.get(
              "/api/v1/appointments?from="
                  + slots.getFirst()
                  + "&to="
                  + slots.getLast().plusSeconds(900))
          .body()
          .path("items")
          .forEach(a -> perSlot.merge(a.path("startsAt").asString(), 1, Integer::sum));
      assertThat(perSlot)
          .hasSize(20)
          .allSatisfy((start, count) -> assertThat(count).isEqualTo(seats));
      return booked;
    }
  }

  @Test
  void aDoctorBookedInOneOrganizationIsBusyInAnotherWhichLearnsNothingMore() {
    var api = new Api(port);
    var x = organizations.signUp(api);
    var y = organizations.signUp(api);
    var atX = api.as(x.token());
    var doctor = openAllWeek(atX, x);
    // the same doctor also works for Y
    api.as(y.token())
        .post("/api/v1/invitations", Map.of("email", x.email(), "roles", List.of("DOCTOR")));
    var token =
        organizations.linkToken(
            y.tenant(),
            x.email(),
            java.util.regex.Pattern.compile("invitations/accept\\?token=([A-Za-z0-9_-]+)"));
    assertThat(
            api.as(x.token()).post("/api/v1/invitations/accept", Map.of("token", token)).status())
        .isEqualTo(204);
    var atY = api.as(y.token());
    atY.put("/api/v1/doctors/" + doctor + "/hours", allWeek(), Map.of());
    rules(atY, Map.of());

    var start = LocalDate.now(CAIRO).plusDays(3).atTime(10, 0).atZone(CAIRO).toInstant();
    var booked =
        atX.post(
            "/api/v1/appointments",
            Map.of(
                "doctorId",
                doctor,
                "startsAt",
                start.toString(),
                "patient",
                Map.of("fullName", "Private Patient Of X")));
    assertThat(booked.status()).isEqualTo(201);

    var refused =
        atY.post(
            "/api/v1/appointments",
            Map.of(
                "doctorId",
                doctor,
                "startsAt",
                start.toString(),
                "patient",
                Map.of("fullName", "Patient Of Y")));
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body().toString())
        .doesNotContain("Private Patient Of X")
        .doesNotContain(booked.text("id"));
    var day = start.atZone(CAIRO).toLocalDate();
    var free =
        atY.get("/api/v1/availability?doctorId=" + doctor + "&from=" + day + "&to=" + day)
            .body()
            .path("items");
    assertThat(free.findValuesAsString("startsAt")).doesNotContain(start.toString()).isNotEmpty();
    assertThat(
            atY.get(
                    "/api/v1/appointments?from="
                        + start.minusSeconds(3600)
                        + "&to="
                        + start.plusSeconds(3600))
                .body()
                .path("items"))
        .isEmpty();
    assertThat(atY.get("/api/v1/appointments/" + booked.text("id")).status()).isEqualTo(404);
  }

  @Test
  void buffersKeepTheTimeAfterAnAppointmentFree() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var doctor = openAllWeek(desk, owner);
    rules(desk, Map.of("bufferAfterMinutes", 10));
    var day = LocalDate.now(CAIRO).plusDays(2);
    var nine = day.atTime(9, 0).atZone(CAIRO).toInstant();
    assertThat(book(desk, doctor, nine).status()).isEqualTo(201);
    var starts = slots(desk, doctor, day);
    assertThat(starts)
        .doesNotContain(nine.plusSeconds(900).toString())
        .contains(nine.plusSeconds(1800).toString());
  }

  @Test
  void minimumNoticeHorizonAndDailyCapAreKept() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var doctor = openAllWeek(desk, owner);
    rules(desk, Map.of("minimumNoticeMinutes", 180, "horizonDays", 3, "dailyCap", 2));
    var today = LocalDate.now(CAIRO);
    var earliest = Instant.now().plusSeconds(180 * 60);
    assertThat(slots(desk, doctor, today))
        .allSatisfy(s -> assertThat(Instant.parse(s)).isAfterOrEqualTo(earliest));
    assertThat(slots(desk, doctor, today.plusDays(5))).isEmpty();

    var day = today.plusDays(2);
    assertThat(book(desk, doctor, day.atTime(9, 0).atZone(CAIRO).toInstant()).status())
        .isEqualTo(201);
    assertThat(book(desk, doctor, day.atTime(10, 0).atZone(CAIRO).toInstant()).status())
        .isEqualTo(201);
    assertThat(slots(desk, doctor, day)).isEmpty();
    var full = book(desk, doctor, day.atTime(11, 0).atZone(CAIRO).toInstant());
    assertThat(full.status()).isEqualTo(409);
    // the refusal keeps its type and names the rule that refused
    assertThat(full.text("type")).isEqualTo("/problems/slot-taken");
    assertThat(full.text("policy")).isEqualTo("daily-cap");
    var eight = today.atTime(8, 0).atZone(CAIRO).toInstant();
    if (Instant.now().isAfter(eight.minusSeconds(180 * 60))) {
      // within the hours and on the grid, but too soon
      var soon = book(desk, doctor, eight);
      assertThat(soon.status()).isEqualTo(409);
      assertThat(soon.text("type")).isEqualTo("/problems/slot-taken");
      assertThat(soon.text("policy")).isEqualTo("minimum-notice");
    }
    var far = book(desk, doctor, today.plusDays(5).atTime(9, 0).atZone(CAIRO).toInstant());
    assertThat(far.status()).isEqualTo(409);
    assertThat(far.text("type")).isEqualTo("/problems/slot-taken");
    assertThat(far.text("policy")).isEqualTo("horizon");
    var offGrid = book(desk, doctor, day.plusDays(-1).atTime(9, 5).atZone(CAIRO).toInstant());
    assertThat(offGrid.status()).isEqualTo(409);
    assertThat(offGrid.text("policy")).isEqualTo("on-grid");
  }

  @Test
  void aClinicBooksNoMoreAppointmentsInAMonthThanItsPlanAllows() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var doctor = openAllWeek(desk, owner);
    var day = LocalDate.now(CAIRO).plusDays(2);
    var month = day.withDayOfMonth(1);
    var limit = io.carebook.tenancy.Plan.STARTER.appointmentsPerMonth();
    // the month's bookings so far: all but one of what the STARTER plan allows
    var patient = desk.post("/api/v1/patients", Map.of("fullName", "Regular Patient")).text("id");
    bookedBefore(owner, doctor, patient, month, limit - 1);
    assertThat(book(desk, doctor, day.atTime(9, 0).atZone(CAIRO).toInstant()).status())
        .isEqualTo(201);
    var refused = book(desk, doctor, day.atTime(10, 0).atZone(CAIRO).toInstant());
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.text("type")).isEqualTo("/problems/plan-limit");
    assertThat(refused.text("detail")).contains(limit + " appointments a month");
    assertThat(refused.text("policy")).isEqualTo("plan-monthly-limit");
    // a bigger plan has room this month
    organizations.onPlan(owner, io.carebook.tenancy.Plan.GROWTH);
    assertThat(book(desk, doctor, day.atTime(10, 0).atZone(CAIRO).toInstant()).status())
        .isEqualTo(201);
  }

  @Test
  void racingBookingsForADaysLastPlacesBookExactlyTheDailyCap() throws Exception {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var doctor = openAllWeek(desk, owner);
    rules(desk, Map.of("dailyCap", 5));
    var day = LocalDate.now(CAIRO).plusDays(2);
    var starts = new ArrayList<Instant>();
    for (int i = 0; i < 24; i++) { // 24 free slots, one request each, all at once
      starts.add(day.atTime(9, 0).plusMinutes(15L * i).atZone(CAIRO).toInstant());
    }
    var refusals = new ArrayList<Api.Response>();
    assertThat(raceFor(desk, doctor, starts, refusals)).isEqualTo(5);
    assertThat(refusals)
        .hasSize(19)
        .allSatisfy(
            r -> {
              assertThat(r.text("type")).isEqualTo("/problems/slot-taken");
              assertThat(r.text("policy")).isEqualTo("daily-cap");
            });
    assertThat(
            desk.get(
                    "/api/v1/appointments?from="
                        + day.atStartOfDay(CAIRO).toInstant()
                        + "&to="
                        + day.plusDays(1).atStartOfDay(CAIRO).toInstant())
                .body()
                .path("items"))
        .hasSize(5);
  }

  @Test
  void racingBookingsForAMonthsLastAppointmentsBookExactlyThePlansLimit() throws Exception {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var doctor = openAllWeek(desk, owner);
    rules(desk, Map.of());
    var day = LocalDate.now(CAIRO).plusDays(2);
    var month = day.withDayOfMonth(1);
    var limit = io.carebook.tenancy.Plan.STARTER.appointmentsPerMonth();
    var patient = desk.post("/api/v1/patients", Map.of("fullName", "Regular Patient")).text("id");
    // the month's bookings so far: all but five of what the STARTER plan allows
    bookedBefore(owner, doctor, patient, month, limit - 5);
    var starts = new ArrayList<Instant>();
    for (int i = 0; i < 24; i++) {
      starts.add(day.atTime(9, 0).plusMinutes(15L * i).atZone(CAIRO).toInstant());
    }
    var refusals = new ArrayList<Api.Response>();
    assertThat(raceFor(desk, doctor, starts, refusals)).isEqualTo(5);
    assertThat(refusals)
        .hasSize(19)
        .allSatisfy(
            r -> {
              assertThat(r.text("type")).isEqualTo("/problems/plan-limit");
              assertThat(r.text("policy")).isEqualTo("plan-monthly-limit");
            });
  }

  /** One booking request for each start, all at once; how many were booked (refusals kept). */
  private static int raceFor(
      Api desk, String doctor, List<Instant> starts, List<Api.Response> refusals) throws Exception {
    var responses = new ArrayList<Future<Api.Response>>();
    var gate = new java.util.concurrent.CountDownLatch(1);
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (var start : starts) {
        responses.add(
            threads.submit(
                () -> {
                  gate.await();
                  return book(desk, doctor, start);
                }));
      }
      gate.countDown();
      var booked = 0;
      for (var response : responses) {
        var answer = response.get();
        if (answer.status() == 201) {
          booked++;
        } else {
          assertThat(answer.status()).as(answer.body().toString()).isEqualTo(409);
          refusals.add(answer);
        }
      }
      return booked;
    }
  }

  @Test
  void changedRulesAndHoursApplyToTheVeryNextBooking() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var doctor = openAllWeek(desk, owner);
    rules(desk, Map.of());
    var day = LocalDate.now(CAIRO).plusDays(3);
    assertThat(book(desk, doctor, day.atTime(9, 0).atZone(CAIRO).toInstant()).status())
        .isEqualTo(201);

    rules(desk, Map.of("horizonDays", 2));
    assertThat(book(desk, doctor, day.atTime(10, 0).atZone(CAIRO).toInstant()).status())
        .isEqualTo(409);
    rules(desk, Map.of("durationMinutes", 30, "alignmentMinutes", 30));
    var quarterPast = day.atTime(10, 15).atZone(CAIRO).toInstant();
    assertThat(book(desk, doctor, quarterPast).status()).isEqualTo(409);
    var ten = book(desk, doctor, day.atTime(10, 0).atZone(CAIRO).toInstant());
    assertThat(ten.status()).isEqualTo(201);
    assertThat(Instant.parse(ten.text("endsAt")))
        .isEqualTo(day.atTime(10, 30).atZone(CAIRO).toInstant());

    var off = desk.put("/api/v1/doctors/" + doctor + "/hours", List.of(), Map.of());
    assertThat(off.status()).as(off.body().toString()).isEqualTo(200);
    assertThat(book(desk, doctor, day.atTime(11, 0).atZone(CAIRO).toInstant()).status())
        .isEqualTo(409);
  }

  @Test
  void bookingForAPatientOnFileByNameAndPhoneBooksThatPatientAndRegistersNoOne() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var doctor = openAllWeek(desk, owner);
    rules(desk, Map.of());
    var known =
        desk.post("/api/v1/patients", Map.of("fullName", "Mona Zaki", "phone", "+201001234567"))
            .text("id");
    var start = LocalDate.now(CAIRO).plusDays(2).atTime(9, 0).atZone(CAIRO).toInstant();
    var booked =
        desk.post(
            "/api/v1/appointments",
            Map.of(
                "doctorId",
                doctor,
                "startsAt",
                start.toString(),
                "patient",
                Map.of("fullName", "mona zaki", "phone", "01001234567")));
    assertThat(booked.status()).as(booked.body().toString()).isEqualTo(201);
    assertThat(booked.text("patientId")).isEqualTo(known);
    assertThat(desk.get("/api/v1/appointments/" + booked.text("id")).text("patientId"))
        .isEqualTo(known);
    assertThat(desk.get("/api/v1/patients?q=mona").body().path("items")).hasSize(1);
  }

  @Test
  void cancelingFreesTheTimeAndReschedulingMovesIt() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var doctor = openAllWeek(desk, owner);
    rules(desk, Map.of());
    var day = LocalDate.now(CAIRO).plusDays(2);
    var nine = day.atTime(9, 0).atZone(CAIRO).toInstant();
    var ten = day.atTime(10, 0).atZone(CAIRO).toInstant();
    var id = book(desk, doctor, nine).text("id");
    var moved =
        desk.post("/api/v1/appointments/" + id + "/reschedule", Map.of("startsAt", ten.toString()));
    assertThat(moved.status()).isEqualTo(200);
    assertThat(slots(desk, doctor, day)).contains(nine.toString()).doesNotContain(ten.toString());
    assertThat(desk.post("/api/v1/appointments/" + id + "/cancel", Map.of()).status())
        .isEqualTo(400);
    var canceled =
        desk.post("/api/v1/appointments/" + id + "/cancel", Map.of("reason", "patient traveling"));
    assertThat(canceled.text("status")).isEqualTo("CANCELLED");
    assertThat(slots(desk, doctor, day)).contains(ten.toString());
    assertThat(
            desk.post(
                    "/api/v1/appointments/" + id + "/reschedule",
                    Map.of("startsAt", nine.toString()))
                .status())
        .isEqualTo(409);
  }

  @Test
  void appointmentsPageInTheDatabaseByStartThenIdAcrossBookingsMadeBetweenPages() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var doctor = openAllWeek(desk, owner);
    rules(desk, Map.of("seats", 2)); // two patients a slot: starts shared, the id decides
    var day = LocalDate.now(CAIRO).plusDays(2);
    var at =
        (java.util.function.IntFunction<Instant>)
            minutes -> day.atTime(9, 0).plusMinutes(minutes).atZone(CAIRO).toInstant();
    for (var minutes : List.of(0, 0, 15, 30, 30, 45, 60)) {
      assertThat(book(desk, doctor, at.apply(minutes)).status()).isEqualTo(201);
    }
    var list =
        "/api/v1/appointments?from="
            + day.atStartOfDay(CAIRO).toInstant()
            + "&to="
            + day.plusDays(1).atStartOfDay(CAIRO).toInstant();
    var before = io.carebook.PageWalk.whole(desk, list);
    assertThat(before).hasSize(7);

    var earlier = new ArrayList<String>();
    var later = new ArrayList<String>();
    var walked =
        io.carebook.PageWalk.ids(
            desk,
            list,
            3,
            page -> {
              // one before every cursor (never shown now), one after all (shown at the end)
              earlier.add(book(desk, doctor, at.apply(-60 + page * 15)).text("id"));
              later.add(book(desk, doctor, at.apply(120 + page * 15)).text("id"));
            });
    var after = io.carebook.PageWalk.whole(desk, list);
    assertThat(after).hasSize(7 + earlier.size() + later.size());
    assertThat(walked)
        .as("every appointment after the cursor, in the whole list's order")
        .containsExactlyElementsOf(after.stream().filter(id -> !earlier.contains(id)).toList())
        .containsAll(before)
        .containsAll(later)
        .doesNotContainAnyElementsOf(earlier);
    assertThat(io.carebook.PageWalk.ids(desk, list + "&doctorId=" + doctor, 4, page -> {}))
        .as("one doctor's, paged the same way")
        .containsExactlyElementsOf(after);
    io.carebook.PageWalk.tamperedCursorsAreProblems(desk, list);

    // another organization's cursor is only a place in its own list: it shows nothing of this one
    var other = api.as(organizations.signUp(api).token());
    var cursor = desk.get(list + "&limit=2").text("next");
    var there = other.get(list + "&limit=50&cursor=" + cursor);
    assertThat(there.status()).isEqualTo(200);
    assertThat(there.body().path("items")).isEmpty();
    assertThat(io.carebook.PageWalk.whole(other, list)).isEmpty();
  }

  @Test
  void negotiatingATakenTimeAnswersWithAlternativesInsteadOfAnError() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var doctor = openAllWeek(desk, owner);
    rules(desk, Map.of());
    var nine = LocalDate.now(CAIRO).plusDays(2).atTime(9, 0).atZone(CAIRO).toInstant();
    var ask =
        Map.of(
            "doctorId",
            doctor,
            "startsAt",
            nine.toString(),
            "patient",
            Map.of("fullName", "Agent Asks"));
    var first = desk.post("/api/v1/appointments/negotiate", ask);
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.body().path("appointment").path("startsAt").asString())
        .isEqualTo(nine.toString());
    var second = desk.post("/api/v1/appointments/negotiate", ask);
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.body().path("appointment").isNull()).isTrue();
    assertThat(second.body().path("alternatives").findValuesAsString("startsAt"))
        .isNotEmpty()
        .doesNotContain(nine.toString())
        .contains(nine.plusSeconds(900).toString());
  }

  @Test
  void aTakenTimeOffersTheOtherDoctorsFreeAtThatTimeEachByTheirOwnCalendar() {
    var api = new Api(port);
    // three doctors: more than the Starter plan's two
    var owner = organizations.onPlan(organizations.signUp(api), io.carebook.tenancy.Plan.GROWTH);
    var desk = api.as(owner.token());
    var first = openAllWeek(desk, owner);
    rules(desk, Map.of());
    var others = new ArrayList<String>();
    for (int i = 0; i < 2; i++) {
      var other =
          api.as(organizations.join(api, owner, "DOCTOR").token()).get("/api/v1/me").text("userId");
      io.carebook.TestCalendars.openEveryDay(desk, other, "08:00", "12:00");
      others.add(other);
    }
    var nine = LocalDate.now(CAIRO).plusDays(2).atTime(9, 0).atZone(CAIRO).toInstant();
    for (var doctor : List.of(first, others.get(1))) {
      assertThat(
              desk.post(
                      "/api/v1/appointments",
                      Map.of(
                          "doctorId",
                          doctor,
                          "startsAt",
                          nine.toString(),
                          "patient",
                          Map.of("fullName", "Booked Before")))
                  .status())
          .isEqualTo(201);
    }

    var refused =
        desk.post(
            "/api/v1/appointments/negotiate",
            Map.of(
                "doctorId",
                first,
                "startsAt",
                nine.toString(),
                "patient",
                Map.of("fullName", "Wants Nine")));

    var atNine = new ArrayList<String>();
    refused
        .body()
        .path("alternatives")
        .forEach(
            a -> {
              if (a.path("startsAt").asString().equals(nine.toString())) {
                atNine.add(a.path("doctorId").asString());
              }
            });
    assertThat(atNine).as("the free one of the two others").containsExactly(others.get(0));
  }

  @Test
  void aDoctorsPrivateFeedShowsTheirAppointmentsWithoutPatientNames() throws Exception {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var doctor = openAllWeek(desk, owner);
    rules(desk, Map.of());
    var nine = LocalDate.now(CAIRO).plusDays(2).atTime(9, 0).atZone(CAIRO).toInstant();
    desk.post(
        "/api/v1/appointments",
        Map.of(
            "doctorId",
            doctor,
            "startsAt",
            nine.toString(),
            "patient",
            Map.of("fullName", "Secret Patient Name")));
    var link = desk.post("/api/v1/doctors/" + doctor + "/calendar-feed", Map.of()).text("url");
    var path = java.net.URI.create(link).getPath();
    var http = java.net.http.HttpClient.newHttpClient();
    var feed =
        http.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://localhost:" + port + path))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(feed.statusCode()).isEqualTo(200);
    assertThat(feed.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/calendar"));
    var stamp =
        java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(java.time.ZoneOffset.UTC)
            .format(nine);
    assertThat(feed.body())
        .startsWith("BEGIN:VCALENDAR\r\n")
        .contains("DTSTART:" + stamp)
        .doesNotContain("Secret Patient Name");

    desk.post("/api/v1/doctors/" + doctor + "/calendar-feed", Map.of());
    var old =
        http.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://localhost:" + port + path))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(old.statusCode()).isEqualTo(404);
  }

  @Test
  void withoutADoctorAvailabilityCoversEveryDoctorOfTheClinic() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    rules(desk, Map.of());
    var first = openAllWeek(desk, owner);
    var second =
        api.as(organizations.join(api, owner, "DOCTOR").token()).get("/api/v1/me").text("userId");
    var mornings = new ArrayList<Map<String, String>>();
    for (var day : java.time.DayOfWeek.values()) {
      mornings.add(Map.of("day", day.name(), "starts", "09:00", "ends", "10:00"));
    }
    assertThat(desk.put("/api/v1/doctors/" + second + "/hours", mornings, Map.of()).status())
        .isEqualTo(200);
    var day = LocalDate.now(CAIRO).plusDays(3);

    var items = desk.get("/api/v1/availability?from=" + day + "&to=" + day).body().path("items");
    var byDoctor = new java.util.HashMap<String, Integer>();
    items.forEach(s -> byDoctor.merge(s.path("doctorId").asString(), 1, Integer::sum));

    assertThat(byDoctor.keySet()).containsExactlyInAnyOrder(first, second);
    assertThat(byDoctor.get(second)).isEqualTo(slots(desk, second, day).size()).isPositive();
    assertThat(byDoctor.get(first)).isEqualTo(slots(desk, first, day).size());
    assertThat(items.get(0).path("startsAt").asString())
        .isLessThanOrEqualTo(items.get(items.size() - 1).path("startsAt").asString());
  }

  @Test
  void theClinicWeekCountsEveryDoctorsFreeTimesEachByTheirOwnHours() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    rules(desk, Map.of());
    openAllWeek(desk, owner); // 08:00–20:00: 48 slots a day
    var second =
        api.as(organizations.join(api, owner, "DOCTOR").token()).get("/api/v1/me").text("userId");
    io.carebook.TestCalendars.openEveryDay(desk, second, "09:00", "10:00"); // 4 slots a day

    var session =
        io.carebook.WebSession.signIn(
            port, owner.email(), TestOrganizations.PASSWORD, owner.app().nextCode());
    var page = session.get("/calendar/week?date=" + LocalDate.now(CAIRO).plusDays(14));

    assertThat(page.statusCode()).isEqualTo(200);
    var rows = page.body().split("<tr");
    var secondRow =
        java.util.Arrays.stream(rows).filter(r -> r.contains("doctorId=" + second)).findFirst();
    assertThat(secondRow).isPresent();
    assertThat(secondRow.get().split(">4 free<", -1)).hasSize(8); // 7 days of 4
    var ownerRow =
        java.util.Arrays.stream(rows)
            .filter(r -> r.contains("doctorId=") && !r.contains("doctorId=" + second))
            .findFirst();
    assertThat(ownerRow).isPresent();
    assertThat(ownerRow.get().split(">48 free<", -1)).hasSize(8); // 7 days of 48

    // a booking of the second doctor counts in their row only
    var nine = LocalDate.now(CAIRO).plusDays(14).atTime(9, 0).atZone(CAIRO).toInstant();
    assertThat(
            desk.post(
                    "/api/v1/appointments",
                    Map.of(
                        "doctorId",
                        second,
                        "startsAt",
                        nine.toString(),
                        "patient",
                        Map.of("fullName", "Week Counted")))
                .status())
        .isEqualTo(201);
    var after =
        session.get("/calendar/week?date=" + LocalDate.now(CAIRO).plusDays(14)).body().split("<tr");
    assertThat(
            java.util.Arrays.stream(after)
                .filter(r -> r.contains("doctorId=" + second))
                .findFirst()
                .orElseThrow())
        .contains(">1 booked<");
    assertThat(
            java.util.Arrays.stream(after)
                .filter(r -> r.contains("doctorId=") && !r.contains("doctorId=" + second))
                .findFirst()
                .orElseThrow())
        .doesNotContain(" booked<");
  }

  @Test
  void bookingRulesOutOfRangeAreRefusedFieldByFieldAndNothingChanges() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    rules(desk, Map.of("durationMinutes", 20));
    var body =
        new HashMap<String, Object>(
            Map.of(
                "durationMinutes", 0,
                "bufferBeforeMinutes", 0,
                "bufferAfterMinutes", 0,
                "minimumNoticeMinutes", 0,
                "horizonDays", 60,
                "alignmentMinutes", 15,
                "seats", 50));

    var refused = desk.put("/api/v1/booking-rules", body, Map.of());

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().path("errors").toString())
        .contains("durationMinutes")
        .contains("seats")
        .doesNotContain("horizonDays");
    assertThat(desk.get("/api/v1/booking-rules").body().path("durationMinutes").asInt())
        .isEqualTo(20);
  }

  @Test
  void leaveBlocksEveryClinicAndIsRefusedOverBookings() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var doctor = openAllWeek(desk, owner);
    rules(desk, Map.of());
    var day = LocalDate.now(CAIRO).plusDays(4);
    var nine = day.atTime(9, 0).atZone(CAIRO).toInstant();
    book(desk, doctor, nine);
    var overlapping =
        desk.post(
            "/api/v1/doctors/" + doctor + "/time-off",
            Map.of(
                "starts",
                nine.minusSeconds(3600).toString(),
                "ends",
                nine.plusSeconds(3600).toString()));
    assertThat(overlapping.status()).isEqualTo(409);
    var nextDay = day.plusDays(1);
    var leave =
        desk.post(
            "/api/v1/doctors/" + doctor + "/time-off",
            Map.of(
                "starts", nextDay.atStartOfDay(CAIRO).toInstant().toString(),
                "ends", nextDay.plusDays(1).atStartOfDay(CAIRO).toInstant().toString()));
    assertThat(leave.status()).isEqualTo(201); // the entry, to lift it later (issue 15)
    assertThat(slots(desk, doctor, nextDay)).isEmpty();
  }

  private static List<String> slots(Api desk, String doctor, LocalDate day) {
    var starts = new ArrayList<String>();
    desk.get("/api/v1/availability?doctorId=" + doctor + "&from=" + day + "&to=" + day)
        .body()
        .path("items")
        .forEach(s -> starts.add(s.path("startsAt").asString()));
    return starts;
  }

  private static Api.Response book(Api desk, String doctor, Instant start) {
    return desk.post(
        "/api/v1/appointments",
        Map.of(
            "doctorId",
            doctor,
            "startsAt",
            start.toString(),
            "patient",
            Map.of("fullName", "Patient " + start.toEpochMilli())));
  }

  /** The owner is also the doctor: open 08:00–20:00 every day; returns the doctor's id. */
  private static String openAllWeek(Api desk, Owner owner) {
    var doctor = desk.get("/api/v1/me").text("userId");
    var set = desk.put("/api/v1/doctors/" + doctor + "/hours", allWeek(), Map.of());
    assertThat(set.status()).as(set.body().toString()).isEqualTo(200);
    return doctor;
  }

  private static List<Map<String, String>> allWeek() {
    var week = new ArrayList<Map<String, String>>();
    for (var day : java.time.DayOfWeek.values()) {
      week.add(Map.of("day", day.name(), "starts", "08:00", "ends", "20:00"));
    }
    return week;
  }

  /** No notice by default, so tests can book soon; the overrides given on top. */
  private static void rules(Api desk, Map<String, Object> overrides) {
    var body =
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
                60,
                "alignmentMinutes",
                15,
                "seats",
                1));
    body.putAll(overrides);
    var set = desk.put("/api/v1/booking-rules", body, Map.of());
    assertThat(set.status()).as(set.body().toString()).isEqualTo(200);
  }

  /** {@code count} appointments already booked this month, written directly as the owner role. */
  private void bookedBefore(
      Owner owner, String doctor, String patient, LocalDate month, int count) {
    io.carebook.OwnerDatabase.jdbc(environment)
        .sql(
            """
            insert into appointments (tenant_id, id, clinic_id, doctor_id, patient_id, starts_at,
                                      ends_at, source)
            select ?, gen_random_uuid(), ?, ?::uuid, ?::uuid, ts, ts + interval '15 minutes',
                   'STAFF'
            from generate_series(1, ?) n, lateral (select cast(? as timestamptz)
                                                    + n * interval '1 minute' as ts) t""")
        .params(
            owner.tenant().value(),
            owner.clinic().value(),
            doctor,
            patient,
            count,
            java.sql.Timestamp.from(month.atStartOfDay(CAIRO).toInstant()))
        .update();
  }
}
