package io.carebook.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * A Carebook process that dies right after a booking commits, before any instance planned the
 * booking's messages, loses none of them: the plan's row was written with the booking, and the
 * instances that come next (two at once) plan the confirmation and the reminders exactly once.
 */
@CarebookTest
class BookingCrashTests {

  @Autowired TestOrganizations organizations;
  @Autowired Environment environment;
  @LocalServerPort int port;

  @Test
  void aCrashBetweenTheBookingsCommitAndItsPlanningLosesNoReminderAndRepeatsNone()
      throws Exception {
    var clinic = new Clinics(organizations, port, environment);
    // a queue and message task of their own: only the processes started here plan and send them
    var queue = "booking-crash-" + UUID.randomUUID();
    var startsAt = Clinics.at(4, 10);
    String appointment;
    try (var booking =
        AppProcess.start(
            environment,
            "booking-crash",
            queue,
            "http://localhost:9",
            // this instance would plan in an hour: it dies long before
            Map.of("carebook.notifications.follow-ups.interval", "PT1H"))) {
      var booked =
          new Api(booking.port())
              .as(clinic.owner.token())
              .post(
                  "/api/v1/appointments",
                  Map.of(
                      "doctorId",
                      clinic.doctor,
                      "startsAt",
                      startsAt.toString(),
                      "patient",
                      Map.of("fullName", "Crash Survivor", "phone", "+201001234580")));
      assertThat(booked.status()).as(booked.body().toString()).isEqualTo(201);
      appointment = booked.text("id");
      booking.kill();
    }
    assertThat(waiting(clinic, appointment)).isOne();
    assertThat(clinic.messages(appointment)).isEmpty();

    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      var starting = new ArrayList<Future<AppProcess>>();
      for (var name : new String[] {"planner-one", "planner-two"}) {
        starting.add(
            threads.submit(
                () -> AppProcess.start(environment, name, queue, "http://localhost:9", Map.of())));
      }
      try (var one = starting.get(0).get();
          var two = starting.get(1).get()) {
        var messages =
            clinic.awaitMessages(
                appointment,
                m ->
                    m.stream().filter(x -> x.kind().equals("APPOINTMENT_BOOKED")).count() == 1
                        && m.stream().filter(x -> x.kind().equals("APPOINTMENT_REMINDER")).count()
                            == 2);
        Clinics.sleep(2_000); // a second planning, if any, would show by now
        assertThat(clinic.messages(appointment)).hasSameSizeAs(messages).hasSize(3);
        assertThat(
                clinic.messages(appointment).stream()
                    .filter(m -> m.kind().equals("APPOINTMENT_REMINDER")))
            .extracting(Clinics.Message::dueAt)
            .containsExactly(
                startsAt.minus(Duration.ofHours(48)), startsAt.minus(Duration.ofHours(2)));
        assertThat(waiting(clinic, appointment)).isZero();
        one.stop();
        two.stop();
      }
    }
  }

  private static long waiting(Clinics clinic, String appointment) {
    return clinic
        .database
        .sql("select count(*) from appointment_followups where appointment_id = ?::uuid")
        .param(appointment)
        .query(Long.class)
        .single();
  }
}
