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

  /**
   * The doctor at the active clinic around one start, for booking it: with the start's day and
   * month counted under the locks that keep the daily cap and the plan's monthly limit until the
   * transaction ends ({@link DoctorWindows#forBooking}).
   */
  DoctorWindow forBooking(UserId doctor, String serviceType, Instant start) {
    var utcDay = start.atZone(ZoneOffset.UTC).toLocalDate();
    return windows
        .forBooking(
            TenantContext.clinic(),
            doctor,
            serviceType,
            start,
            utcDay.minusDays(1),
            utcDay.plusDays(1),
            start.minus(BookingRules.WIDEST_BUFFER),
            start.plus(BookingRules.LONGEST).plus(BookingRules.WIDEST_BUFFER))
        .orElseThrow(() -> new NotFoundException("Clinic"));
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
    var now = clock.instant();
    var seats = new BusySweep(window);
    var slots = new ArrayList<Slot>();
    for (var day = from; !day.isAfter(to); day = day.plusDays(1)) {
      if (DailyCap.reached(window, day)) {
        continue;
      }
      for (var range : Hours.workingRanges(day, window.weekly(), window.overrides())) {
        // the grid's starts are within the hours and on the grid by construction
        for (var start : grid(day, range[0], range[1], rules, window.zone())) {
          var ask = new BookingAsk(window, start, now);
          if (BookingPolicies.firstRefusing(TIMELY, ask).isPresent()) {
            continue;
          }
          // SeatsLeft's answer, from one sweep over the busy time instead of one scan a start
          var end = ask.end();
          var left = seats.left(start.minus(rules.bufferBefore()), end.plus(rules.bufferAfter()));
          if (left > 0) {
            slots.add(new Slot(start, end, left));
          }
        }
      }
    }
    return slots;
  }

  /**
   * The slot rules a start of the day's grid has yet to pass before its seats ({@link SeatsLeft},
   * judged by {@link BusySweep}).
   */
  private static final List<BookingPolicy> TIMELY = List.of(new MinimumNotice(), new Horizon());

  /**
   * The slot that starts at {@code start}, if it is free: every slot rule ({@link
   * BookingPolicies#SLOT}: within the doctor's hours that day, on the grid, after the notice,
   * before the horizon, under the cap, with a seat left). Only that start is judged, not the day.
   */
  Optional<Slot> slotAt(DoctorWindow window, Instant start) {
    return free(new BookingAsk(window, start, clock.instant()), BookingPolicies.SLOT);
  }

  private static Optional<Slot> free(BookingAsk ask, List<BookingPolicy> policies) {
    return BookingPolicies.firstRefusing(policies, ask).isPresent()
        ? Optional.empty()
        : Optional.of(new Slot(ask.start(), ask.end(), SeatsLeft.left(ask)));
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
}
