package io.carebook.frontdesk;

import io.carebook.frontdesk.VisitEvents.PatientCheckedIn;
import io.carebook.patients.NewPatient;
import io.carebook.patients.Patient.PatientId;
import io.carebook.patients.PatientDirectory;
import io.carebook.scheduling.AppointmentStatus;
import io.carebook.scheduling.Scheduling;
import io.carebook.shared.AppointmentId;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.ProblemException;
import io.carebook.shared.UserId;
import io.carebook.shared.VisitId;
import io.carebook.shared.VisitState;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.Permissions;
import io.carebook.tenancy.TenantContext;
import io.carebook.tenancy.WriteGuard;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checking in: patients become visits of the active clinic — walk-ins, or booked appointments on
 * arrival — WAITING, each with the day's token. A clinic whose subscription blocks writes cannot
 * check anyone in.
 *
 * <p><b>Tokens</b> count from 1 each clinic-local day (they reset at midnight in the clinic's time
 * zone), for the whole clinic or per doctor as the clinic chooses; a visit with no doctor takes the
 * clinic-wide count. One atomic upsert per token keeps them unique however many desks check in at
 * once.
 */
@Service
public class CheckIn {

  private final Visits visits;
  private final Tokens tokens;
  private final Scheduling calendar;
  private final PatientDirectory patients;
  private final ClinicDoctors doctors;
  private final Organizations organizations;
  private final Permissions permissions;
  private final WriteGuard writeGuard;
  private final ApplicationEventPublisher events;
  private final QueueSignals signals;
  private final Clock clock;

  CheckIn(
      Visits visits,
      Tokens tokens,
      Scheduling calendar,
      PatientDirectory patients,
      ClinicDoctors doctors,
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
    this.doctors = doctors;
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

  @Transactional
  public Visit checkIn(WalkIn walkIn) {
    permissions.require(Action.CHECK_IN);
    writeGuard.requireWritable();
    return walkIn(walkIn, clock.instant());
  }

  /**
   * A walk-in checked in by the system (the demo) at {@code at}, with no member's permissions to
   * ask.
   */
  public Visit walkIn(WalkIn walkIn, Instant at) {
    var doctor = walkIn.doctorId() == null ? null : doctors.require(walkIn.doctorId());
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
    var day = FrontDesk.tokenDay(now, clinic.timezone());
    var scopeKey =
        doctor != null && tokens.scope(clinic.id()) == TokenScope.DOCTOR
            ? doctor
            : Tokens.WHOLE_CLINIC;
    var token = tokens.next(clinic.id(), scopeKey, day);
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
            ClinicDoctors.currentUser(),
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
            new VisitId(visit.id()),
            patient,
            doctor,
            appointment == null ? null : new AppointmentId(appointment),
            token,
            priority,
            now));
    return visit;
  }

  /** Whether the active clinic counts its tokens for the whole clinic or per doctor. */
  @Transactional(readOnly = true)
  public TokenScope tokenScope() {
    return tokens.scope(TenantContext.clinic());
  }

  @Transactional
  public void tokenScope(TokenScope scope) {
    permissions.require(Action.SETTINGS_MANAGE);
    tokens.scope(TenantContext.clinic(), scope);
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
}
