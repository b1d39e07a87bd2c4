package io.carebook.frontdesk;

import io.carebook.frontdesk.VisitEvents.PatientCheckedIn;
import io.carebook.frontdesk.VisitEvents.VisitCanceled;
import io.carebook.frontdesk.VisitEvents.VisitCompleted;
import io.carebook.frontdesk.VisitEvents.VisitMarkedNoShow;
import io.carebook.frontdesk.VisitEvents.VisitStarted;
import io.carebook.patients.NewPatient;
import io.carebook.patients.Patient.PatientId;
import io.carebook.patients.PatientDirectory;
import io.carebook.scheduling.AppointmentStatus;
import io.carebook.scheduling.Calendar;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.ProblemException;
import io.carebook.shared.UserId;
import io.carebook.shared.VisitState;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.Permissions;
import io.carebook.tenancy.TenantContext;
import io.carebook.tenancy.WriteGuard;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The facade of the front desk: patients checked in as visits of the active clinic — walk-ins, or
 * booked appointments on arrival — each with the day's token, then moved forward through the visit
 * states, never back: WAITING → WITH_ASSISTANT → WITH_DOCTOR → DONE, WAITING or WITH_ASSISTANT →
 * WITH_DOCTOR directly, any state under way → CANCELED (with a reason), WAITING → NO_SHOW.
 *
 * <p><b>Tokens</b> count from 1 each clinic-local day (they reset at midnight in the clinic's time
 * zone), for the whole clinic or per doctor as the clinic chooses; a visit with no doctor takes the
 * clinic-wide count. One atomic upsert per token keeps them unique however many desks check in at
 * once.
 *
 * <p><b>Queue order</b>: priority first — EMERGENCY, then ELDERLY, then FOLLOW_UP, then none — and
 * within a priority, by token (the order of arrival). A flag moves a patient ahead of everyone of
 * lower priority but never ahead of an earlier token of the same priority.
 *
 * <p><b>Who may move a visit</b> is the permission matrix (role × visit state). A move its role may
 * make in principle but not from the visit's present state is 409 {@code
 * /problems/invalid-transition}; a move its role may never make is 403. A clinic whose subscription
 * blocks writes cannot check anyone in, but visits of its current day can still be finished.
 *
 * <p>Reading the queue (today's visits in queue order, estimated waits, expected arrivals) is
 * {@link DeskBoard}'s.
 */
@Service
public class FrontDesk {

  private final Visits visits;
  private final Tokens tokens;
  private final Calendar calendar;
  private final PatientDirectory patients;
  private final Organizations organizations;
  private final Permissions permissions;
  private final WriteGuard writeGuard;
  private final ApplicationEventPublisher events;
  private final QueueSignals signals;
  private final Clock clock;

  FrontDesk(
      Visits visits,
      Tokens tokens,
      Calendar calendar,
      PatientDirectory patients,
      Organizations organizations,
      Permissions permissions,
      WriteGuard writeGuard,
      ApplicationEventPublisher events,
      QueueSignals signals,
      Clock clock) {
    this.visits = visits;
    this.tokens = tokens;
    this.calendar = calendar;
    this.patients = patients;
    this.organizations = organizations;
    this.permissions = permissions;
    this.writeGuard = writeGuard;
    this.events = events;
    this.signals = signals;
    this.clock = clock;
  }

  /** A walk-in: a known patient by id, or found or registered by name and phone. */
  public record WalkIn(
      @Nullable UUID patientId,
      @Nullable NewPatient patient,
      @Nullable UserId doctorId,
      Priority priority) {}

  /** The clinic-local day that {@code at} falls on: the day whose tokens it takes. */
  public static LocalDate tokenDay(Instant at, ZoneId clinicZone) {
    return at.atZone(clinicZone).toLocalDate();
  }

  /** Today in the active clinic's time zone. */
  @Transactional(readOnly = true)
  public LocalDate today() {
    return tokenDay(clock.instant(), organizations.activeClinic().timezone());
  }

  /** When today began in the active clinic's time zone. */
  public Instant startOfToday() {
    return today().atStartOfDay(organizations.activeClinic().timezone()).toInstant();
  }

  @Transactional
  public Visit checkIn(WalkIn walkIn) {
    permissions.require(Action.CHECK_IN);
    writeGuard.requireWritable();
    return walkIn(walkIn);
  }

  private Visit walkIn(WalkIn walkIn) {
    return walkIn(walkIn, clock.instant());
  }

  /**
   * A walk-in checked in by the system (the demo) at {@code at}, with no member's permissions to
   * ask.
   */
  public Visit walkIn(WalkIn walkIn, Instant at) {
    var doctor = walkIn.doctorId() == null ? null : requireDoctor(walkIn.doctorId());
    var patient = patientOf(walkIn);
    return open(patient, doctor, null, walkIn.priority(), at);
  }

  /** The patient of a booked appointment of the active clinic has arrived. */
  @Transactional
  public Visit checkIn(UUID appointmentId, Priority priority) {
    permissions.require(Action.CHECK_IN);
    writeGuard.requireWritable();
    var appointment = calendar.get(appointmentId);
    if (!appointment.clinicId().equals(TenantContext.clinic())) {
      throw new NotFoundException("Appointment");
    }
    if (visits.appointmentCheckedIn(appointmentId)) {
      throw new ProblemException(
          HttpStatus.CONFLICT, "already-checked-in", "This appointment is already checked in.");
    }
    if (appointment.status() != AppointmentStatus.BOOKED) {
      throw new ProblemException(
          HttpStatus.CONFLICT,
          "appointment-closed",
          "This appointment is " + appointment.status().fhir() + " and cannot be checked in.");
    }
    calendar.arrive(appointmentId);
    return open(
        appointment.patientId(),
        appointment.doctorId().value(),
        appointmentId,
        priority,
        clock.instant());
  }

  private Visit open(
      UUID patient,
      @Nullable UUID doctor,
      @Nullable UUID appointment,
      Priority priority,
      Instant now) {
    var clinic = organizations.activeClinic();
    var day = tokenDay(now, clinic.timezone());
    var scopeKey =
        doctor != null && tokens.scope(clinic.id()) == TokenScope.DOCTOR
            ? doctor
            : Tokens.WHOLE_CLINIC;
    var token = tokens.next(clinic.id(), scopeKey, day);
    var by = currentUser();
    var visit =
        new Visit(
            UUID.randomUUID(),
            clinic.id(),
            patient,
            doctor,
            appointment,
            token,
            day,
            priority,
            VisitState.WAITING,
            null,
            now,
            by,
            null,
            null,
            null,
            null,
            null,
            0);
    visits.insert(visit);
    signals.changed(clinic.id());
    events.publishEvent(
        new PatientCheckedIn(
            clinic.tenantId(),
            clinic.id(),
            visit.id(),
            patient,
            doctor,
            appointment,
            token,
            priority,
            now));
    return visit;
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
    var state = visit.state();
    if (!transition.leaves(state)
        || (asMember && !permissions.allows(transition.action(), state))) {
      if (!transition.leaves(state) && (!asMember || mayInPrinciple(transition))) {
        throw new ProblemException(
                HttpStatus.CONFLICT,
                "invalid-transition",
                "A visit that is "
                    + state.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + " cannot take this step.")
            .property("state", state.name());
      }
      permissions.require(transition.action(), state); // 403
      throw new IllegalStateException("unreachable");
    }
    if (!clinic.writable(now) && !visit.tokenDay().equals(tokenDay(now, clinic.timezone()))) {
      writeGuard.requireWritable(); // read-only clinics only finish today's visits
    }
    String why = null;
    if (transition == Transition.CANCEL) {
      if (reason == null || reason.isBlank()) {
        throw ProblemException.invalid("reason", "is required");
      }
      why = reason.trim();
    }
    var by = currentUser();
    if (transition == Transition.START_DOCTOR
        && visit.doctorId() == null
        && by != null
        && isDoctorHere(by)) {
      visits.assign(id, by); // a doctor who calls in a patient for any doctor sees them
    }
    if (!visits.move(id, state, transition.to(), now, by, why)) {
      throw new IllegalStateException("visit " + id + " changed under its lock");
    }
    signals.changed(clinic.id());
    events.publishEvent(
        switch (transition) {
          case START_ASSISTANT, START_DOCTOR ->
              new VisitStarted(clinic.tenantId(), clinic.id(), id, state, transition.to(), by, now);
          case COMPLETE -> {
            var doctor = visit.doctorId();
            if (doctor == null && by != null && isDoctorHere(by)) {
              doctor = by;
            }
            yield new VisitCompleted(
                clinic.tenantId(), clinic.id(), id, by, now, visit.patientId(), doctor);
          }
          case CANCEL -> new VisitCanceled(clinic.tenantId(), clinic.id(), id, state, why, by, now);
          case NO_SHOW -> new VisitMarkedNoShow(clinic.tenantId(), clinic.id(), id, by, now);
        });
    return visits.find(id).orElseThrow();
  }

  @Transactional(readOnly = true)
  public Visit get(UUID id) {
    permissions.require(Action.PATIENT_VIEW);
    return visits
        .find(id)
        .filter(v -> v.clinicId().equals(TenantContext.clinic()))
        .orElseThrow(() -> new NotFoundException("Visit"));
  }

  /**
   * A patient's visits at every clinic of the organization, newest first (the chart is
   * organization-wide, DESIGN.md §2), at most {@code limit}.
   */
  @Transactional(readOnly = true)
  public List<Visit> visitsOf(PatientId patient, int limit) {
    permissions.require(Action.PATIENT_VIEW);
    return visits.ofPatient(patients.get(patient).id().value(), Math.clamp(limit, 1, 500));
  }

  /** A visit's moves, oldest first. */
  @Transactional(readOnly = true)
  public List<Step> history(UUID id) {
    get(id);
    return visits.history(id).stream()
        .map(s -> new Step(s.from(), s.to(), s.at(), s.by()))
        .toList();
  }

  public record Step(@Nullable VisitState from, VisitState to, Instant at, @Nullable UUID by) {}

  /**
   * A day of the active clinic, for reports: visits done (walk-ins among them), patients who did
   * not come, and the mean consultation in minutes.
   */
  public record DayCount(
      LocalDate day, int done, int noShows, int walkIns, double consultMinutes) {}

  /** The active clinic's days from {@code from} to {@code to}, those with visits (REPORTS_VIEW). */
  @Transactional(readOnly = true)
  public List<DayCount> countsByDay(LocalDate from, LocalDate to) {
    permissions.require(Action.REPORTS_VIEW);
    return visits.countsByDay(TenantContext.clinic(), from, to);
  }

  /**
   * The doctor calls the next patient: the first visit in queue order that is theirs or for any
   * doctor (then given to them), waiting or with the assistant, moves to WITH_DOCTOR. Two doctors
   * calling at once get two different patients.
   */
  @Transactional
  public Visit callNext(UserId doctor) {
    requireDoctor(doctor);
    var next =
        visits
            .lockNext(TenantContext.clinic(), today(), doctor.value())
            .orElseThrow(
                () ->
                    new ProblemException(
                        HttpStatus.CONFLICT, "queue-empty", "Nobody is waiting for this doctor."));
    if (next.doctorId() == null) {
      visits.assign(next.id(), doctor.value());
    }
    return move(next.id(), Transition.START_DOCTOR, null);
  }

  @Transactional(readOnly = true)
  public TokenScope tokenScope() {
    return tokens.scope(TenantContext.clinic());
  }

  @Transactional
  public void tokenScope(TokenScope scope) {
    permissions.require(Action.SETTINGS_MANAGE);
    tokens.scope(TenantContext.clinic(), scope);
  }

  private boolean isDoctorHere(UUID user) {
    return calendar.doctors().stream().anyMatch(d -> d.userId().value().equals(user));
  }

  private boolean mayInPrinciple(Transition transition) {
    return transition.from().stream().anyMatch(s -> permissions.allows(transition.action(), s));
  }

  private UUID requireDoctor(UserId doctor) {
    if (calendar.doctors().stream().noneMatch(d -> d.userId().equals(doctor))) {
      throw new NotFoundException("Doctor");
    }
    return doctor.value();
  }

  private UUID patientOf(WalkIn walkIn) {
    if (walkIn.patientId() != null) {
      return patients.get(new PatientId(walkIn.patientId())).id().value();
    }
    if (walkIn.patient() == null) {
      throw ProblemException.invalid("patient", "give a patientId or the patient's name and phone");
    }
    return patients.findOrRegister(walkIn.patient()).id().value();
  }

  private static @Nullable UUID currentUser() {
    return TenantContext.current().map(TenantContext.Scope::user).map(UserId::value).orElse(null);
  }
}
