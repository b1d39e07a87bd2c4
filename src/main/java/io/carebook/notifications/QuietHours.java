package io.carebook.notifications;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * Hours of the clinic's day when no message goes out (e.g. 21:00 to 08:00): a message due then
 * waits for their end. A span may cross midnight; no span, or an empty one, means no quiet hours.
 */
record QuietHours(@Nullable LocalTime from, @Nullable LocalTime until) {

  /** When a message due at {@code due} may go out, in the clinic's zone. */
  Instant defer(Instant due, ZoneId zone) {
    if (from == null || until == null || from.equals(until)) {
      return due;
    }
    var local = due.atZone(zone);
    var time = local.toLocalTime();
    var crossesMidnight = from.isAfter(until);
    var quiet =
        crossesMidnight
            ? !time.isBefore(from) || time.isBefore(until)
            : !time.isBefore(from) && time.isBefore(until);
    if (!quiet) {
      return due;
    }
    var endDay =
        crossesMidnight && !time.isBefore(from)
            ? local.toLocalDate().plusDays(1)
            : local.toLocalDate();
    return endDay.atTime(until).atZone(zone).toInstant();
  }
}
