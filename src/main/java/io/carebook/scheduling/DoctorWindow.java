package io.carebook.scheduling;

import io.carebook.shared.ClinicId;
import io.carebook.shared.UserId;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Everything the booking rules need about one doctor at the active clinic over a few days, read
 * together: the clinic's time zone, whether the doctor is an active doctor there, the rules for the
 * service type, the doctor's hours and their exceptions, the doctor's busy time anywhere, and —
 * when the rules cap a day — how many live appointments each local day already has.
 */
record DoctorWindow(
    ClinicId clinic,
    UserId doctor,
    ZoneId zone,
    boolean activeDoctor,
    BookingRules rules,
    List<WeeklyHours> weekly,
    List<Hours.Override> overrides,
    List<BusyTime.Interval> busy,
    Map<LocalDate, Integer> liveByDay) {

  DoctorWindow {
    // by start, so that a slot's overlap check can stop at the first interval after it
    busy = busy.stream().sorted(java.util.Comparator.comparing(BusyTime.Interval::starts)).toList();
  }

  /** Live appointments on a local day; zero when the rules set no daily cap. */
  int liveOn(LocalDate day) {
    return liveByDay.getOrDefault(day, 0);
  }
}
