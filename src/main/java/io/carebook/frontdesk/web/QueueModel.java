package io.carebook.frontdesk.web;

import io.carebook.frontdesk.Visit;
import io.carebook.frontdesk.VisitLinks;
import io.carebook.patients.PatientDirectory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The queue model of the desk page and the doctor's day, filled in one place: for each visit the
 * patient's name, the minutes since check-in, the estimated wait if it has one, and the links other
 * modules give it (see {@link VisitLinks}).
 */
@Component
class QueueModel {

  private final PatientDirectory patients;
  private final List<VisitLinks> links;
  private final Clock clock;

  QueueModel(PatientDirectory patients, List<VisitLinks> links, Clock clock) {
    this.patients = patients;
    this.links = links;
    this.clock = clock;
  }

  /** A visit as a queue shows it. */
  record Entry(
      Visit visit,
      String patient,
      long minutes,
      @Nullable Long estimate,
      List<VisitLinks.Link> links) {}

  /** A line of a page's queue: an entry and what that page adds to it. */
  interface Line {

    Entry entry();

    default Visit visit() {
      return entry().visit();
    }

    default String patient() {
      return entry().patient();
    }

    default long minutes() {
      return entry().minutes();
    }

    default @Nullable Long estimate() {
      return entry().estimate();
    }

    default List<VisitLinks.Link> links() {
      return entry().links();
    }
  }

  /**
   * The queue of one page, as of now: the names of the visits' patients and of the patients still
   * expected looked up at once, and the estimated waits by visit.
   */
  Queue queue(Collection<Visit> visits, Stream<UUID> expected, Map<UUID, Duration> waits) {
    var names =
        patients.names(Stream.concat(visits.stream().map(Visit::patientId), expected).toList());
    return new Queue(names, waits, clock.instant());
  }

  /** One page's queue, the entries of its visits made alike. */
  final class Queue {

    private final Map<UUID, String> names;
    private final Map<UUID, Duration> waits;
    private final Instant now;

    private Queue(Map<UUID, String> names, Map<UUID, Duration> waits, Instant now) {
      this.names = names;
      this.waits = waits;
      this.now = now;
    }

    Entry entry(Visit visit) {
      return new Entry(
          visit,
          patient(visit.patientId()),
          minutesSince(visit.createdAt()),
          waits.containsKey(visit.id()) ? waits.get(visit.id()).toMinutes() : null,
          links.stream().flatMap(l -> l.of(visit).stream()).toList());
    }

    /** The patient's name, empty if unknown. */
    String patient(UUID patientId) {
      return names.getOrDefault(patientId, "");
    }

    /** Whole minutes from {@code at} until now, never below zero. */
    long minutesSince(Instant at) {
      return Math.max(0, Duration.between(at, now).toMinutes());
    }
  }
}
