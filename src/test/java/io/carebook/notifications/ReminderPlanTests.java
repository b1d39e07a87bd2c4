package io.carebook.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When reminders go out, without Spring. */
class ReminderPlanTests {

  static final ZoneId CAIRO = ZoneId.of("Africa/Cairo");
  static final QuietHours NIGHT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));

  static Instant cairo(String local) {
    return java.time.LocalDateTime.parse(local).atZone(CAIRO).toInstant();
  }

  @Test
  void quietHoursAcrossMidnightDeferToTheirEnd() {
    assertThat(NIGHT.defer(cairo("2026-03-10T22:30"), CAIRO)).isEqualTo(cairo("2026-03-11T08:00"));
    assertThat(NIGHT.defer(cairo("2026-03-10T06:00"), CAIRO)).isEqualTo(cairo("2026-03-10T08:00"));
    assertThat(NIGHT.defer(cairo("2026-03-10T12:00"), CAIRO)).isEqualTo(cairo("2026-03-10T12:00"));
    assertThat(NIGHT.defer(cairo("2026-03-10T08:00"), CAIRO)).isEqualTo(cairo("2026-03-10T08:00"));
  }

  @Test
  void quietHoursWithinADay() {
    var lunch = new QuietHours(LocalTime.of(13, 0), LocalTime.of(14, 0));
    assertThat(lunch.defer(cairo("2026-03-10T13:30"), CAIRO)).isEqualTo(cairo("2026-03-10T14:00"));
    assertThat(lunch.defer(cairo("2026-03-10T14:30"), CAIRO)).isEqualTo(cairo("2026-03-10T14:30"));
  }

  @Test
  void noQuietHoursDeferNothing() {
    var none = new QuietHours(null, null);
    assertThat(none.defer(cairo("2026-03-10T03:00"), CAIRO)).isEqualTo(cairo("2026-03-10T03:00"));
  }

  @Test
  void remindersInThePastOrPushedToTheAppointmentAreDropped() {
    var plan = new ReminderPlan(List.of(2880, 120), NIGHT, CAIRO);
    var startsAt = cairo("2026-03-12T09:00");
    assertThat(plan.times(startsAt, cairo("2026-03-01T00:00")))
        .containsExactly(cairo("2026-03-10T09:00"), cairo("2026-03-12T08:00"));
    assertThat(plan.times(startsAt, cairo("2026-03-11T00:00")))
        .containsExactly(cairo("2026-03-12T08:00"));
    var early = cairo("2026-03-12T08:30"); // 2 h before is 06:30, quiet until 08:00: still before
    assertThat(plan.times(early, cairo("2026-03-11T12:00")))
        .containsExactly(cairo("2026-03-12T08:00"));
    var dawn = cairo("2026-03-12T07:30"); // quiet hours push its reminder past it
    assertThat(plan.times(dawn, cairo("2026-03-11T12:00"))).isEmpty();
  }
}
