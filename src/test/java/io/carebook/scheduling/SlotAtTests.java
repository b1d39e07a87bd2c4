package io.carebook.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.shared.ClinicId;
import io.carebook.shared.UserId;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A booking checks only the start it asks for; that check must agree with the day's full list of
 * free slots for every start, whatever the hours, exceptions, busy time, buffers, seats, caps and
 * daylight-saving changes.
 */
class SlotAtTests {

  private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
  private static final ClinicId CLINIC = new ClinicId(UUID.randomUUID());
  private static final Instant NOW = Instant.parse("2027-03-20T08:00:00Z");
  private final Availability availability =
      new Availability(null, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void theAskedStartIsFreeExactlyWhenTheDaysSlotsListIt() {
    var rules =
        new BookingRules(
            "",
            Duration.ofMinutes(20),
            Duration.ofMinutes(5),
            Duration.ofMinutes(10),
            Duration.ofHours(3),
            Duration.ofDays(30),
            Duration.ofMinutes(15),
            null,
            2);
    var spring = LocalDate.of(2027, 3, 28); // 02:00 becomes 03:00 in Madrid
    var weekly = new ArrayList<WeeklyHours>();
    for (var day : DayOfWeek.values()) {
      weekly.add(new WeeklyHours(day, LocalTime.of(1, 0), LocalTime.of(5, 0)));
      weekly.add(new WeeklyHours(day, LocalTime.of(9, 0), LocalTime.of(13, 0)));
    }
    var overrides =
        List.of(
            new Hours.Override(
                LocalDate.of(2027, 3, 22), "REPLACE", LocalTime.of(10, 0), LocalTime.of(12, 0)),
            new Hours.Override(LocalDate.of(2027, 3, 23), "OFF", null, null),
            new Hours.Override(
                LocalDate.of(2027, 3, 24), "EXTRA", LocalTime.of(16, 0), LocalTime.of(18, 0)));
    var elsewhere = UUID.randomUUID();
    var busy =
        List.of(
            busy(CLINIC.value(), "2027-03-22T09:00:00Z", "2027-03-22T09:30:00Z"),
            busy(CLINIC.value(), "2027-03-22T09:15:00Z", "2027-03-22T09:45:00Z"),
            busy(CLINIC.value(), "2027-03-24T08:00:00Z", "2027-03-24T08:20:00Z"),
            busy(elsewhere, "2027-03-25T10:00:00Z", "2027-03-25T11:00:00Z"),
            busy(BusyTime.EVERYWHERE, spring + "T01:30:00Z", spring + "T02:00:00Z"));
    var window =
        new DoctorWindow(
            CLINIC,
            new UserId(UUID.randomUUID()),
            MADRID,
            true,
            rules,
            weekly,
            overrides,
            busy,
            Map.of());
    var from = LocalDate.of(2027, 3, 20);
    var to = LocalDate.of(2027, 3, 30);
    var listed = availability.slots(window, from, to);
    assertThat(listed).isNotEmpty();
    var checked = new ArrayList<Slot>();
    var start = from.atStartOfDay(MADRID).toInstant();
    var end = to.plusDays(1).atStartOfDay(MADRID).toInstant();
    for (var t = start; t.isBefore(end); t = t.plus(Duration.ofMinutes(5))) {
      availability.slotAt(window, t).ifPresent(checked::add);
    }
    assertThat(checked).containsExactlyInAnyOrderElementsOf(listed);
  }

  @Test
  void aCappedDayRefusesEveryStart() {
    var rules =
        new BookingRules(
            "",
            Duration.ofMinutes(15),
            Duration.ZERO,
            Duration.ZERO,
            Duration.ZERO,
            Duration.ofDays(30),
            Duration.ofMinutes(15),
            2,
            1);
    var day = LocalDate.of(2027, 3, 22);
    var window =
        new DoctorWindow(
            CLINIC,
            new UserId(UUID.randomUUID()),
            MADRID,
            true,
            rules,
            List.of(new WeeklyHours(day.getDayOfWeek(), LocalTime.of(9, 0), LocalTime.of(12, 0))),
            List.of(),
            List.of(),
            Map.of(day, 2));
    var nine = day.atTime(9, 0).atZone(MADRID).toInstant();
    assertThat(availability.slotAt(window, nine)).isEmpty();
    assertThat(availability.slots(window, day, day)).isEmpty();
    var uncapped =
        new DoctorWindow(
            CLINIC,
            window.doctor(),
            MADRID,
            true,
            rules,
            window.weekly(),
            List.of(),
            List.of(),
            Map.of(day, 1));
    assertThat(availability.slotAt(uncapped, nine)).isPresent();
  }

  private static BusyTime.Interval busy(UUID clinic, String from, String to) {
    return new BusyTime.Interval(clinic, Instant.parse(from), Instant.parse(to));
  }
}
