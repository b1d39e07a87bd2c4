package io.carebook.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.OwnerDatabase;
import io.carebook.TestOrganizations;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/** An appointment never checked in becomes a no-show the clinic's delay after it ended. */
@CarebookTest
class NoShowsTests {

  @Autowired TestOrganizations organizations;
  @Autowired NoShows noShows;
  @Autowired Environment environment;
  @LocalServerPort int port;

  @Test
  void aBookingLeftUnattendedIsMarkedNoShowAfterTheDelay() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var doctor = desk.get("/api/v1/me").text("userId");
    io.carebook.TestCalendars.openEveryDay(desk, doctor, "08:00", "20:00");
    var cairo = ZoneId.of("Africa/Cairo");
    var start = LocalDate.now(cairo).plusDays(2).atTime(9, 0).atZone(cairo).toInstant();
    var id =
        desk.post(
                "/api/v1/appointments",
                Map.of(
                    "doctorId",
                    doctor,
                    "startsAt",
                    start.toString(),
                    "patient",
                    Map.of("fullName", "Never Came")))
            .text("id");
    // the scheduled sweep: it finds the organizations with appointments past their delay
    Runnable sweep = noShows::sweep;

    sweep.run();
    assertThat(desk.get("/api/v1/appointments/" + id).text("status")).isEqualTo("BOOKED");

    // three hours after it ended (moved into the past, as time would)
    OwnerDatabase.jdbc(environment)
        .sql(
            "update appointments set starts_at = now() - interval '3 hours 15 minutes', ends_at = now() - interval '3 hours' where id = ?::uuid")
        .param(id)
        .update();
    sweep.run();
    assertThat(desk.get("/api/v1/appointments/" + id).text("status")).isEqualTo("NOSHOW");
  }
}
