package io.carebook.frontdesk;

import io.carebook.shared.NotFoundException;
import io.carebook.shared.ProblemException;
import io.carebook.shared.UserId;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.Permissions;
import io.carebook.tenancy.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moving visits of the active clinic forward through their states, never back ({@link Visit#take}):
 * WAITING → WITH_ASSISTANT → WITH_DOCTOR → DONE, WAITING or WITH_ASSISTANT → WITH_DOCTOR directly,
 * any state under way → CANCELED (with a reason), WAITING → NO_SHOW; and the doctor calling the
 * next patient in.
 *
 * <p><b>Who may move a visit</b> is the permission matrix (role × visit state). A move its role may
 * make in principle but not from the visit's present state is 409 {@code
 * /problems/invalid-transition}; a move its role may never make is 403. A clinic whose subscription
 * blocks writes can still finish the visits of its current day ({@link TodaysVisits}).
 */
@Service
public class VisitMoves {

  private final Visits visits;
  private final ClinicDoctors doctors;
  private final Organizations organizations;
  private final Permissions permissions;
  private final TodaysVisits todaysVisits;
  private final ApplicationEventPublisher events;
  private final QueueSignals signals;
  private final Clock clock;

  VisitMoves(
      Visits visits,
      ClinicDoctors doctors,
      Organizations organizations,
      Permissions permissions,
      TodaysVisits todaysVisits,
      ApplicationEventPublisher events,
      QueueSignals signals,
      Clock clock) {
    this.visits = visits;
    this.doctors = doctors;
    this.organizations = organizations;
    this.permissions = permissions;
    this.todaysVisits = todaysVisits;
    this.events = events;
    this.signals = signals;
    this.clock = clock;
  }

  /** Moves a visit of the active clinic; {@code reason} is required to cancel. */
  @Transactional
  public Visit move(UUID id, Transition transition, @Nullable String reason) {
    return move(id, transition, reason, true, clock.instant());
  }

  /**
   * Moves a visit as the system (the demo) at {@code at}: the state machine holds, the matrix is
   * not asked.
   */
  public Visit moveAsSystem(UUID id, Transition transition, @Nullable String reason, Instant at) {
    return move(id, transition, reason, false, at);
  }

  private Visit move(
      UUID id, Transition transition, @Nullable String reason, boolean asMember, Instant now) {
    var visit = visits.lock(id).orElseThrow(() -> new NotFoundException("Visit"));
    var clinic = organizations.activeClinic();
    if (!visit.clinicId().equals(clinic.id())) {
      throw new NotFoundException("Visit");
    }
    if (asMember) {
      requireAllowed(transition, visit);
    }
    var step = visit.take(transition, doctors.current(), now, reason);
    todaysVisits.requireWritable(visit, now);
    if (step.assignTo() != null) {
      visits.assign(
          id, step.assignTo()); // a doctor who calls in a patient for any doctor sees them
    }
    if (!visits.move(id, step.from(), step.to(), now, step.by(), step.reason())) {
      throw new IllegalStateException("visit " + id + " changed under its lock");
    }
    signals.changed(clinic.id());
    events.publishEvent(step.event(clinic.tenantId()));
    return visits.find(id).orElseThrow();
  }

  /**
   * 403 unless the member's roles allow the step from the visit's state — or, for a step the state
   * does not allow (then the visit answers 409), from any state it could be taken from.
   */
  private void requireAllowed(Transition transition, Visit visit) {
    var state = visit.state();
    var allowed =
        transition.leaves(state)
            ? permissions.allows(transition.action(), state)
            : transition.from().stream().anyMatch(s -> permissions.allows(transition.action(), s));
    if (!allowed) {
      permissions.require(transition.action(), state); // 403
      throw new IllegalStateException("unreachable");
    }
  }

  /**
   * The doctor calls the next patient: the first visit in queue order that is theirs or for any
   * doctor (then given to them), waiting or with the assistant, moves to WITH_DOCTOR. Two doctors
   * calling at once get two different patients.
   */
  @Transactional
  public Visit callNext(UserId doctor) {
    doctors.require(doctor);
    var today = FrontDesk.tokenDay(clock.instant(), organizations.activeClinic().timezone());
    var next =
        visits
            .lockNext(TenantContext.clinic(), today, doctor.value())
            .orElseThrow(
                () ->
                    new ProblemException(
                        HttpStatus.CONFLICT, "queue-empty", "Nobody is waiting for this doctor."));
    if (next.doctorId() == null) {
      visits.assign(next.id(), doctor.value());
    }
    return move(next.id(), Transition.START_DOCTOR, null);
  }
}
