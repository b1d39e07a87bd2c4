package io.carebook.scheduling;

import io.carebook.shared.ClinicId;
import io.carebook.shared.UserId;
import io.carebook.tenancy.Clinic;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Free slots computed from the rules, never stored: the doctor's hours on each local day of the
 * clinic (correct across daylight-saving changes), on the clinic's grid, minus what the minimum
 * notice, the horizon, the daily cap and the doctor's busy time — anywhere — leave.
 */
@Component
class Availability {

  private final Hours hours;
  private final BusyTime busy;
  private final Appointments appointments;
  private final Clock clock;

  Availability(Hours hours, BusyTime busy, Appointments appointments, Clock clock) {
    this.hours = hours;
    this.busy = busy;
    this.appointments = appointments;
    this.clock = clock;
  }

  List<Slot> slots(Clinic clinic, UserId doctor, BookingRules rules, LocalDate from, LocalDate to) {
    var zone = clinic.timezone();
    var now = clock.instant();
    var earliest = now.plus(rules.minimumNotice());
    var latest = now.plus(rules.horizon());
    var weekly = hours.weekly(clinic.id(), doctor);
    var overrides = hours.overrides(clinic.id(), doctor, from, to);
    var windowStart = from.atStartOfDay(zone).toInstant().minus(rules.bufferBefore());
    var windowEnd = to.plusDays(1).atStartOfDay(zone).toInstant().plus(rules.bufferAfter());
    var busyTime = busy.of(doctor, windowStart, windowEnd);
    var slots = new ArrayList<Slot>();
    for (var day = from; !day.isAfter(to); day = day.plusDays(1)) {
      if (capReached(clinic.id(), doctor, rules, day, zone)) {
        continue;
      }
      for (var range : Hours.workingRanges(day, weekly, overrides)) {
        for (var start : grid(day, range[0], range[1], rules, zone)) {
          var end = start.plus(rules.duration());
          if (start.isBefore(earliest) || start.isAfter(latest)) {
            continue;
          }
          var left = seatsLeft(clinic.id(), rules, busyTime, start, end);
          if (left > 0) {
            slots.add(new Slot(start, end, left));
          }
        }
      }
    }
    return slots;
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
    for (var interval : busy) {
      if (interval.starts().isBefore(to) && interval.ends().isAfter(from)) {
        if (!interval.clinic().equals(clinic)) {
          return 0;
        }
        taken++;
      }
    }
    return rules.seats() - taken;
  }

  private int seatsLeft(
      ClinicId clinic,
      BookingRules rules,
      List<BusyTime.Interval> busy,
      Instant start,
      Instant end) {
    return seatsLeft(clinic.value(), rules, busy, start, end);
  }

  private boolean capReached(
      ClinicId clinic, UserId doctor, BookingRules rules, LocalDate day, java.time.ZoneId zone) {
    if (rules.dailyCap() == null) {
      return false;
    }
    var count =
        appointments.countLive(
            clinic,
            doctor,
            day.atStartOfDay(zone).toInstant(),
            day.plusDays(1).atStartOfDay(zone).toInstant());
    return count >= rules.dailyCap();
  }
}
