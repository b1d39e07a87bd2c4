package io.carebook.notifications;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * When an appointment's reminders go out: the clinic's offsets before its start (48 h and 2 h by
 * default), deferred past quiet hours; a reminder whose time has passed, or that quiet hours would
 * push to the appointment itself, is dropped.
 */
record ReminderPlan(List<Integer> minutesBefore, QuietHours quiet, ZoneId zone) {

  List<Instant> times(Instant startsAt, Instant now) {
    return minutesBefore.stream()
        .map(m -> startsAt.minus(Duration.ofMinutes(m)))
        .filter(at -> at.isAfter(now))
        .map(at -> quiet.defer(at, zone))
        .filter(at -> at.isBefore(startsAt))
        .distinct()
        .sorted()
        .toList();
  }
}
