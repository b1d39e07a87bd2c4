package io.carebook.scheduling;

import io.carebook.shared.ClinicId;
import io.carebook.shared.UserId;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything the booking rules need about one doctor at the active clinic over a few days, read
 * together: the clinic's time zone, whether the doctor is an active doctor there, the rules for the
 * service type and whether the clinic offers that type now, the doctor's hours and their
 * exceptions, the doctor's busy time anywhere, and — when the rules cap a day — how many live
 * appointments each local day already has. Read for a booking, it also carries the clinic's monthly
 * limit of appointments (null when its plan has none) and how many the booked month has, counted
 * under the locks that make both limits hold under races ({@link DoctorWindows}).
 */
record DoctorWindow(
    ClinicId clinic,
    UserId doctor,
    ZoneId zone,
    boolean activeDoctor,
    BookingRules rules,
    boolean offered,
    List<WeeklyHours> weekly,
    List<Hours.Override> overrides,
    List<BusyTime.Interval> busy,
    Map<LocalDate, Integer> liveByDay,
    @Nullable Integer monthlyLimit,
    int bookedInMonth) {

  DoctorWindow {
    // by start, so that a slot's overlap check can stop at the first interval after it
    busy = busy.stream().sorted(java.util.Comparator.comparing(BusyTime.Interval::starts)).toList();
  }

  /** A window of an offered type with no monthly limit to count against. */
  DoctorWindow(
      ClinicId clinic,
      UserId doctor,
      ZoneId zone,
      boolean activeDoctor,
      BookingRules rules,
      List<WeeklyHours> weekly,
      List<Hours.Override> overrides,
      List<BusyTime.Interval> busy,
      Map<LocalDate, Integer> liveByDay) {
    this(
        clinic,
        doctor,
        zone,
        activeDoctor,
        rules,
        true,
        weekly,
        overrides,
        busy,
        liveByDay,
        null,
        0);
  }

  /** Live appointments on a local day; zero when the rules set no daily cap. */
  int liveOn(LocalDate day) {
    return liveByDay.getOrDefault(day, 0);
  }
}
