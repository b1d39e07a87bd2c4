package io.carebook.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** Slots follow the clinic's wall clock across daylight-saving changes. */
class AvailabilityGridTests {

  private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
  private static final BookingRules HALF_HOURS =
      new BookingRules(
          "",
          java.time.Duration.ofMinutes(30),
          java.time.Duration.ZERO,
          java.time.Duration.ZERO,
          java.time.Duration.ZERO,
          java.time.Duration.ofDays(60),
          java.time.Duration.ofMinutes(30),
          null,
          1);

  @Test
  void theHourThatSpringSkipsHasNoSlots() {
    var day = LocalDate.of(2027, 3, 28); // 02:00 becomes 03:00
    var slots = Availability.grid(day, LocalTime.of(1, 0), LocalTime.of(5, 0), HALF_HOURS, MADRID);
    assertThat(slots)
        .extracting(i -> ZonedDateTime.ofInstant(i, MADRID).toLocalTime())
        .containsExactly(
            LocalTime.of(1, 0),
            LocalTime.of(1, 30),
            LocalTime.of(3, 0),
            LocalTime.of(3, 30),
            LocalTime.of(4, 0),
            LocalTime.of(4, 30));
  }

  @Test
  void theHourThatAutumnRepeatsIsOfferedOnceAndSlotsStayInOrder() {
    var day = LocalDate.of(2026, 10, 25); // 03:00 goes back to 02:00
    var slots = Availability.grid(day, LocalTime.of(1, 0), LocalTime.of(4, 0), HALF_HOURS, MADRID);
    assertThat(slots).hasSize(6).isSorted();
    assertThat(slots)
        .extracting(i -> ZonedDateTime.ofInstant(i, MADRID).toLocalTime())
        .containsExactly(
            LocalTime.of(1, 0),
            LocalTime.of(1, 30),
            LocalTime.of(2, 0),
            LocalTime.of(2, 30),
            LocalTime.of(3, 0),
            LocalTime.of(3, 30));
  }

  @Test
  void nineOClockStaysNineOClockOnBothSidesOfTheChange() {
    var before =
        Availability.grid(
            LocalDate.of(2027, 3, 27), LocalTime.of(9, 0), LocalTime.of(9, 30), HALF_HOURS, MADRID);
    var after =
        Availability.grid(
            LocalDate.of(2027, 3, 29), LocalTime.of(9, 0), LocalTime.of(9, 30), HALF_HOURS, MADRID);
    assertThat(ZonedDateTime.ofInstant(before.getFirst(), MADRID).getHour()).isEqualTo(9);
    assertThat(ZonedDateTime.ofInstant(after.getFirst(), MADRID).getHour()).isEqualTo(9);
    assertThat(java.time.Duration.between(before.getFirst(), after.getFirst()).toHours())
        .isEqualTo(47);
  }
}
