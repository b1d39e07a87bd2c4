package io.carebook.frontdesk;

import io.carebook.shared.VisitState;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * How long each waiting patient is likely to wait, from today's consultations and each doctor's
 * usual length.
 *
 * <p>A doctor's consultation time starts from their usual length, the median of their consultations
 * (from called in to done) over the last 30 days, or {@link #DEFAULT} with none. Each consultation
 * finished today then moves it: until {@value #SETTLED} are done, today's are blended with the
 * usual length (each weighs one {@value #SETTLED}th), then it is the mean of the last {@value
 * #RECENT} today; and one finished consultation never moves it by more than half, up or down, so
 * that one long visit cannot turn "10 minutes" into "50". A doctor with no consultation history and
 * none today takes the clinic's pace today. The estimate replays how doctors call patients in
 * ({@link VisitMoves#callNext}): in queue order, a patient for a doctor waits until that doctor is
 * free, and a patient for any doctor goes to whichever doctor at work is free first; a doctor with
 * a patient in the room is free in half a consultation. Estimates are rounded up to five minutes: a
 * clinic's day is not precise, and a promise of "7 minutes" would be broken.
 */
final class WaitEstimates {

  static final Duration DEFAULT = Duration.ofMinutes(15);
  static final int RECENT = 10;
  static final int SETTLED = 5;
  static final int HISTORY_DAYS = 30;
  private static final long ROUND_MINUTES = 5;
  private static final UUID ANY_DOCTOR = new UUID(0, 0);

  private WaitEstimates() {}

  /** As {@link #of(List, Map)} for doctors with no consultation history. */
  static Map<UUID, Duration> of(List<Visit> day) {
    return of(day, Map.of());
  }

  /**
   * The estimated wait of every WAITING visit of {@code day} (all visits of one clinic-day), given
   * each doctor's usual consultation length ({@code usual}, the median of the last 30 days).
   */
  static Map<UUID, Duration> of(List<Visit> day, Map<UUID, Duration> usual) {
    var clinicMean = pace(day.stream().filter(WaitEstimates::consulted).toList(), DEFAULT);
    var pace = new HashMap<UUID, Duration>();
    var free = new HashMap<UUID, Duration>(); // from now, when each doctor at work is next free
    for (var v : day) {
      if (v.doctorId() != null && (v.withDoctorAt() != null || v.state() == VisitState.WAITING)) {
        var doctor = v.doctorId();
        pace.computeIfAbsent(
            doctor,
            d -> {
              var today = day.stream().filter(x -> d.equals(x.doctorId()) && consulted(x)).toList();
              var known = usual.get(d);
              return known == null && today.isEmpty() ? clinicMean : pace(today, known);
            });
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

  /**
   * The pace after today's {@code consulted} visits, starting from {@code usual} (or {@link
   * #DEFAULT}): replayed one finished consultation at a time, each step blended and held within
   * half of the previous pace.
   */
  static Duration pace(List<Visit> consulted, @Nullable Duration usual) {
    var prior = usual == null ? DEFAULT : usual;
    var lengths =
        consulted.stream()
            .sorted(
                Comparator.comparing(
                    Visit::doneAt, Comparator.nullsFirst(Comparator.naturalOrder())))
            .map(v -> Duration.between(Objects.requireNonNull(v.withDoctorAt()), v.doneAt()))
            .toList();
    var pace = prior;
    for (int done = 1; done <= lengths.size(); done++) {
      var sofar = lengths.subList(Math.max(0, done - RECENT), done);
      var sum = sofar.stream().reduce(Duration.ZERO, Duration::plus);
      var blended =
          done < SETTLED
              ? sum.plus(prior.multipliedBy(SETTLED - done)).dividedBy(SETTLED)
              : sum.dividedBy(sofar.size());
      pace = within(blended, pace.dividedBy(2), pace.plus(pace.dividedBy(2)));
    }
    return pace;
  }

  private static Duration within(Duration value, Duration low, Duration high) {
    return value.compareTo(low) < 0 ? low : value.compareTo(high) > 0 ? high : value;
  }

  private static Duration roundUp(Duration wait) {
    var minutes = (wait.toSeconds() + 59) / 60;
    return Duration.ofMinutes((minutes + ROUND_MINUTES - 1) / ROUND_MINUTES * ROUND_MINUTES);
  }
}
