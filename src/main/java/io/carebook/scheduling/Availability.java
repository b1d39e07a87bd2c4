package io.carebook.scheduling;

import io.carebook.shared.NotFoundException;
import io.carebook.shared.UserId;
import io.carebook.tenancy.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Free slots computed from the rules, never stored: the doctor's hours on each local day of the
 * clinic (correct across daylight-saving changes), on the clinic's grid, minus what the minimum
 * notice, the horizon, the daily cap and the doctor's busy time — anywhere — leave. Everything it
 * needs is read in one statement ({@link DoctorWindows}); the rest is arithmetic.
 */
@Component
class Availability {

  private final DoctorWindows windows;
  private final Clock clock;

  Availability(DoctorWindows windows, Clock clock) {
    this.windows = windows;
    this.clock = clock;
  }

  /** The doctor at the active clinic for the local days {@code from}..{@code to}. */
  DoctorWindow window(UserId doctor, String serviceType, LocalDate from, LocalDate to) {
    return windows(List.of(doctor), serviceType, from, to).getFirst();
  }

  /** The same for several doctors of the active clinic, read at once, in their order. */
  List<DoctorWindow> windows(
      List<UserId> doctors, String serviceType, LocalDate from, LocalDate to) {
    // local days lie within a day of the UTC ones; buffers reach at most WIDEST_BUFFER further
    var busyFrom =
        from.minusDays(1)
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant()
            .minus(BookingRules.WIDEST_BUFFER);
    var busyTo =
        to.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant().plus(BookingRules.WIDEST_BUFFER);
    return read(doctors, serviceType, from, to, busyFrom, busyTo);
  }

  /** The doctor at the active clinic around one start: only what deciding that start needs. */
  DoctorWindow around(UserId doctor, String serviceType, Instant start) {
    return around(List.of(doctor), serviceType, start).getFirst();
  }

  /** The same for several doctors of the active clinic, read at once, in their order. */
  List<DoctorWindow> around(List<UserId> doctors, String serviceType, Instant start) {
    var utcDay = start.atZone(ZoneOffset.UTC).toLocalDate();
    return read(
        doctors,
        serviceType,
        utcDay.minusDays(1),
        utcDay.plusDays(1),
        start.minus(BookingRules.WIDEST_BUFFER),
        start.plus(BookingRules.LONGEST).plus(BookingRules.WIDEST_BUFFER));
  }

  private List<DoctorWindow> read(
      List<UserId> doctors,
      String serviceType,
      LocalDate from,
      LocalDate to,
      Instant busyFrom,
      Instant busyTo) {
    var read = windows.of(TenantContext.clinic(), doctors, serviceType, from, to, busyFrom, busyTo);
    if (read.isEmpty() && !doctors.isEmpty()) {
      throw new NotFoundException("Clinic");
    }
    return read;
  }

  /** The free slots of the window's doctor on the local days {@code from}..{@code to}. */
  List<Slot> slots(DoctorWindow window, LocalDate from, LocalDate to) {
    var rules = window.rules();
    var slots = new ArrayList<Slot>();
    for (var day = from; !day.isAfter(to); day = day.plusDays(1)) {
      if (capReached(window, day)) {
        continue;
      }
      for (var range : Hours.workingRanges(day, window.weekly(), window.overrides())) {
        for (var start : grid(day, range[0], range[1], rules, window.zone())) {
          free(window, start).ifPresent(slots::add);
        }
      }
    }
    return slots;
  }

  /**
   * The slot that starts at {@code start}, if it is free: within the doctor's hours that day, on
   * the grid, after the notice, before the horizon, under the cap, with a seat left. Only that
   * start is checked, not the whole day.
   */
  Optional<Slot> slotAt(DoctorWindow window, Instant start) {
    var day = start.atZone(window.zone()).toLocalDate();
    if (capReached(window, day)) {
      return Optional.empty();
    }
    for (var range : Hours.workingRanges(day, window.weekly(), window.overrides())) {
      if (onGrid(day, range[0], range[1], window.rules(), window.zone(), start)) {
        return free(window, start);
      }
    }
    return Optional.empty();
  }

  private Optional<Slot> free(DoctorWindow window, Instant start) {
    var rules = window.rules();
    var now = clock.instant();
    if (start.isBefore(now.plus(rules.minimumNotice()))
        || start.isAfter(now.plus(rules.horizon()))) {
      return Optional.empty();
    }
    var end = start.plus(rules.duration());
    var left = seatsLeft(window.clinic().value(), rules, window.busy(), start, end);
    return left > 0 ? Optional.of(new Slot(start, end, left)) : Optional.empty();
  }

  /** Whether {@code start} is a slot start of the grid within one working range. */
  private static boolean onGrid(
      LocalDate day,
      LocalTime from,
      LocalTime to,
      BookingRules rules,
      java.time.ZoneId zone,
      Instant start) {
    return grid(day, from, to, rules, zone).contains(start);
  }

  /**
   * Slot starts on the clinic's grid within a working range; local times a DST gap skips are
   * skipped.
   */
  static List<Instant> grid(
      LocalDate day, LocalTime from, LocalTime to, BookingRules rules, java.time.ZoneId zone) {
    var starts = new ArrayList<Instant>();
    var step = (int) rules.alignment().toMinutes();
    var minute = from.toSecondOfDay() / 60;
    minute = ((minute + step - 1) / step) * step;
    var last = to.toSecondOfDay() / 60 - (int) rules.duration().toMinutes();
    for (; minute <= last; minute += step) {
      var local = LocalTime.ofSecondOfDay(minute * 60L);
      var zoned = ZonedDateTime.ofLocal(day.atTime(local), zone, null);
      if (zoned.toLocalTime().equals(local)) {
        starts.add(zoned.toInstant());
      }
    }
    return starts;
  }

  private static int seatsLeft(
      java.util.UUID clinic,
      BookingRules rules,
      List<BusyTime.Interval> busy,
      Instant start,
      Instant end) {
    var from = start.minus(rules.bufferBefore());
    var to = end.plus(rules.bufferAfter());
    var taken = 0;
    for (var interval : busy) { // by start (DoctorWindow)
      if (!interval.starts().isBefore(to)) {
        break;
      }
      if (interval.ends().isAfter(from)) {
        if (!interval.clinic().equals(clinic)) {
          return 0;
        }
        taken++;
      }
    }
    return rules.seats() - taken;
  }

  private static boolean capReached(DoctorWindow window, LocalDate day) {
    var cap = window.rules().dailyCap();
    return cap != null && window.liveOn(day) >= cap;
  }
}
