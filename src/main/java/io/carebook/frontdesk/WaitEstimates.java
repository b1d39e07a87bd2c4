package io.carebook.frontdesk;

import io.carebook.shared.VisitState;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * How long each waiting patient is likely to wait, from today's consultations.
 *
 * <p>A doctor's consultation time is the mean of their last {@value #RECENT} consultations today
 * (from called in to done); a doctor who has finished none yet takes the clinic's mean today, and a
 * clinic with none yet takes {@link #DEFAULT}. The estimate replays how doctors call patients in
 * ({@link FrontDesk#callNext}): in queue order, a patient for a doctor waits until that doctor is
 * free, and a patient for any doctor goes to whichever doctor at work is free first; a doctor with
 * a patient in the room is free in half a consultation. Estimates are rounded up to five minutes: a
 * clinic's day is not precise, and a promise of "7 minutes" would be broken.
 */
final class WaitEstimates {

  static final Duration DEFAULT = Duration.ofMinutes(15);
  static final int RECENT = 10;
  private static final long ROUND_MINUTES = 5;
  private static final UUID ANY_DOCTOR = new UUID(0, 0);

  private WaitEstimates() {}

  /** The estimated wait of every WAITING visit of {@code day} (all visits of one clinic-day). */
  static Map<UUID, Duration> of(List<Visit> day) {
    var clinicMean = mean(day.stream().filter(WaitEstimates::consulted).toList(), DEFAULT);
    var pace = new HashMap<UUID, Duration>();
    var free = new HashMap<UUID, Duration>(); // from now, when each doctor at work is next free
    for (var v : day) {
      if (v.doctorId() != null && (v.withDoctorAt() != null || v.state() == VisitState.WAITING)) {
        var doctor = v.doctorId();
        pace.computeIfAbsent(
            doctor,
            d ->
                mean(
                    day.stream().filter(x -> d.equals(x.doctorId()) && consulted(x)).toList(),
                    clinicMean));
        free.putIfAbsent(doctor, Duration.ZERO);
      }
    }
    for (var v : day) {
      if (v.doctorId() != null && v.state() == VisitState.WITH_DOCTOR) {
        free.put(v.doctorId(), pace.get(v.doctorId()).dividedBy(2));
      }
    }
    if (free.isEmpty()) {
      free.put(ANY_DOCTOR, Duration.ZERO);
      pace.put(ANY_DOCTOR, clinicMean);
    }
    var estimates = new HashMap<UUID, Duration>();
    for (var v : day) {
      if (v.state() != VisitState.WAITING && v.state() != VisitState.WITH_ASSISTANT) {
        continue;
      }
      var doctor =
          v.doctorId() != null
              ? v.doctorId()
              : free.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
      var start = free.get(doctor);
      free.put(doctor, start.plus(pace.get(doctor)));
      if (v.state() == VisitState.WAITING) {
        estimates.put(v.id(), roundUp(start));
      }
    }
    return estimates;
  }

  private static boolean consulted(Visit v) {
    return v.state() == VisitState.DONE && v.withDoctorAt() != null && v.doneAt() != null;
  }

  private static Duration mean(List<Visit> consulted, Duration otherwise) {
    var recent =
        consulted.stream()
            .sorted(
                Comparator.comparing(
                        Visit::doneAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .reversed())
            .limit(RECENT)
            .map(v -> Duration.between(Objects.requireNonNull(v.withDoctorAt()), v.doneAt()))
            .toList();
    if (recent.isEmpty()) {
      return otherwise;
    }
    return recent.stream().reduce(Duration.ZERO, Duration::plus).dividedBy(recent.size());
  }

  private static Duration roundUp(Duration wait) {
    var minutes = (wait.toSeconds() + 59) / 60;
    return Duration.ofMinutes((minutes + ROUND_MINUTES - 1) / ROUND_MINUTES * ROUND_MINUTES);
  }
}
