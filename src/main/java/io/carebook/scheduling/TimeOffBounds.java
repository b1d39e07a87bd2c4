package io.carebook.scheduling;

import io.carebook.shared.ProblemException;
import java.time.Duration;
import java.time.Instant;

/**
 * How much time off one entry may block: at most 90 days, starting at most a year ahead, ending
 * after it starts and after now. Longer leave is several entries, each one deliberate; nobody can
 * block a shared doctor's calendar for years with one request.
 */
final class TimeOffBounds {

  static final Duration LONGEST = Duration.ofDays(90);
  static final Duration FURTHEST_AHEAD = Duration.ofDays(365);

  private TimeOffBounds() {}

  static void check(Instant starts, Instant ends, Instant now) {
    if (!ends.isAfter(starts)) {
      throw ProblemException.invalid("ends", "must be after starts");
    }
    if (!ends.isAfter(now)) {
      throw ProblemException.invalid("ends", "must be in the future");
    }
    if (Duration.between(starts, ends).compareTo(LONGEST) > 0) {
      throw ProblemException.invalid("ends", "time off may last at most 90 days per entry");
    }
    if (starts.isAfter(now.plus(FURTHEST_AHEAD))) {
      throw ProblemException.invalid("starts", "time off may start at most 365 days ahead");
    }
  }
}
