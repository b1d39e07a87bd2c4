package io.carebook.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a failed delivery is tried again: after each failed attempt, the next delay of the list (by
 * default 5 s, 5 min, 30 min, 2 h, 5 h, then 10 h six times: about three days in all); when the
 * list is spent the delivery has failed for good (it can still be replayed).
 */
record RetrySchedule(List<Duration> delays) {

  static final String DEFAULT = "PT5S,PT5M,PT30M,PT2H,PT5H,PT10H,PT10H,PT10H,PT10H,PT10H,PT10H";

  RetrySchedule {
    delays = List.copyOf(delays);
  }

  /** When to try again after {@code failedAttempts} attempts that failed, or empty: give up. */
  Optional<Instant> next(int failedAttempts, Instant now) {
    if (failedAttempts < 1 || failedAttempts > delays.size()) {
      return Optional.empty();
    }
    return Optional.of(now.plus(delays.get(failedAttempts - 1)));
  }

  /** How long a delivery is retried in all, from its first attempt. */
  Duration span() {
    return delays.stream().reduce(Duration.ZERO, Duration::plus);
  }
}
