package io.carebook.scheduling.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.TestCalendars;
import io.carebook.TestOrganizations;
import io.carebook.WebSession;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The day grid as the server writes it: shared seats side by side, each saying how full it is. */
@CarebookTest
class CalendarGridTests {

  private static final ZoneId CAIRO = ZoneId.of("Africa/Cairo");

  @Autowired TestOrganizations organizations;
  @LocalServerPort int port;

  @Test
  void patientsSharingASlotStandSideBySideWithTheSeatsTaken() {
    var owner = organizations.signUp(new Api(port));
    var desk = new Api(port).as(owner.token());
    var doctor = desk.get("/api/v1/me").text("userId");
    TestCalendars.openEveryDay(desk, doctor, "08:00", "20:00");
    var rules = new HashMap<String, Object>();
    rules.put("durationMinutes", 30);
    rules.put("bufferBeforeMinutes", 0);
    rules.put("bufferAfterMinutes", 0);
    rules.put("minimumNoticeMinutes", 0);
    rules.put("horizonDays", 30);
    rules.put("alignmentMinutes", 30);
    rules.put("seats", 4);
    assertThat(desk.put("/api/v1/booking-rules", rules, Map.of()).status()).isEqualTo(200);
    var day = LocalDate.now(CAIRO).plusDays(1);
    var ten = day.atTime(10, 0).atZone(CAIRO).toInstant().toString();
    for (var name : new String[] {"Seat One", "Seat Two"}) {
      var booked =
          desk.post(
              "/api/v1/appointments",
              Map.of("doctorId", doctor, "startsAt", ten, "patient", Map.of("fullName", name)));
      assertThat(booked.status()).as(booked.body().toString()).isEqualTo(201);
    }

    var page =
        WebSession.signIn(port, owner.email(), TestOrganizations.PASSWORD, owner.app().nextCode())
            .get("/calendar?date=" + day)
            .body();
    // 10:00 is the fifth half-hour row from 08:00: two patients and the free seats share it
    var atTen =
        Pattern.compile("style=\"grid-row:5 / span 1;grid-column:(\\d+) / span 4\"")
            .matcher(page)
            .results()
            .map(m -> m.group(1))
            .toList();
    assertThat(atTen).containsExactly("1", "5", "9");
    assertThat(page).containsPattern("Seat One(?s).{0,600}2/4").contains("Seat Two");
    assertThat(page).containsPattern("data-starts=\"" + ten + "\"(?s).{0,900}2/4");
  }
}
