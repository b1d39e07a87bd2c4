package io.carebook.scheduling;

import io.carebook.identity.Role;
import io.carebook.identity.Staff;
import io.carebook.patients.Patient.PatientId;
import io.carebook.patients.PatientDirectory;
import io.carebook.scheduling.AppointmentEvents.AppointmentBooked;
import io.carebook.shared.AppointmentId;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.ProblemException;
import io.carebook.shared.UserId;
import io.carebook.tenancy.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Booking as one use case, the only way an appointment is made — by staff on the calendar or
 * through the API, by a patient on the public page, by a waitlist offer accepted: one read of the
 * doctor's window ({@link DoctorWindows#forBooking}, which also counts the day and the month under
 * the locks that keep the daily cap and the plan's limit under races), the named {@link
 * BookingPolicies} judged against it, then the write, whose exclusion constraints have the last
 * word on overlaps. A refusal keeps its problem type and names the rule in a {@code policy} member;
 * the nearest alternatives are read only for a refusal whose caller wants them.
 */
@Component
class Bookings {

  private final Availability availability;
  private final Appointments appointments;
  private final PatientDirectory patients;
  private final Staff staff;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Bookings(
      Availability availability,
      Appointments appointments,
      PatientDirectory patients,
      Staff staff,
      ApplicationEventPublisher events,
      Clock clock) {
    this.availability = availability;
    this.appointments = appointments;
    this.patients = patients;
    this.staff = staff;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Books the request, or refuses it: the rules are judged for the asked start only; the busy time
   * and the appointment are written in one statement; a patient to register is registered last, and
   * gets a record number when the transaction commits (V1290). No foreign key checks the rows'
   * clinic, doctor and patient (V1301): this method proves them (the window's clinic and active
   * doctor, a patient on file, or the patient it registers or finds before it returns), so no other
   * order of these steps may let an appointment commit without them. Call inside a transaction.
   */
  Appointment book(NewAppointment request, boolean alternativesOnRefusal) {
    if (request.patientId() == null && request.patient() == null) {
      throw ProblemException.invalid("patient", "give a patientId or the patient's name and phone");
    }
    var start = request.startsAt();
    var window = availability.forBooking(request.doctorId(), request.serviceType(), start);
    var ask = new BookingAsk(window, start, clock.instant());
    var refusing = BookingPolicies.firstRefusing(BookingPolicies.BOOKING, ask);
    if (refusing.isPresent() && refusing.get() instanceof ServiceTypeOffered) {
      throw refusal(refusing.get(), window, start, false); // a type it does not offer, whoever asks
    }
    requireDoctor(window);
    if (refusing.isPresent()) {
      throw refusal(refusing.get(), window, start, alternativesOnRefusal);
    }
    var patient =
        request.patientId() != null
            ? patients.onFile(new PatientId(request.patientId()))
            : PatientId.random();
    var appointment = appointment(window, request, patient.value(), UUID.randomUUID());
    var rules = window.rules();
    var holdFrom = start.minus(rules.bufferBefore());
    var holdTo = appointment.endsAt().plus(rules.bufferAfter());
    var held = false;
    for (int seat = 1; seat <= rules.seats() && !held; seat++) {
      held = appointments.insertHeld(appointment, holdFrom, holdTo, seat);
    }
    if (!held) { // the database refused every seat: someone was faster
      throw refusal(new SeatsLeft(), window, start, alternativesOnRefusal);
    }
    if (request.patientId() == null) {
      var registered = patients.findOrRegisterId(request.patient(), patient);
      if (!registered.equals(patient)) {
        appointments.changePatient(appointment.id(), registered.value());
        appointment = appointment(window, request, registered.value(), appointment.id());
      }
    }
    booked(appointment);
    return appointment;
  }

  /**
   * Books on a time already held for the booking (a waitlist offer accepted): the hold is its seat,
   * so only the counts are judged ({@link BookingPolicies#HELD}), under the same locks.
   */
  Appointment bookHeld(Appointment appointment, UUID hold, int seat) {
    var window =
        availability.forBooking(
            appointment.doctorId(), appointment.serviceType(), appointment.startsAt());
    var ask = new BookingAsk(window, appointment.startsAt(), clock.instant());
    var refusing = BookingPolicies.firstRefusing(BookingPolicies.HELD, ask);
    if (refusing.isPresent()) {
      throw refusal(refusing.get(), window, appointment.startsAt(), false);
    }
    appointments.insert(appointment, hold, seat);
    booked(appointment);
    return appointment;
  }

  /**
   * The rule that would refuse booking {@code start} now, if any, judged against a window read
   * without the locks (the public page's request step; the booking itself judges again).
   */
  Optional<BookingPolicy> refusing(UserId doctor, String serviceType, Instant start) {
    var window = availability.around(doctor, serviceType, start);
    requireDoctor(window);
    return BookingPolicies.firstRefusing(
        BookingPolicies.BOOKING, new BookingAsk(window, start, clock.instant()));
  }

  /**
   * Judges a move of an appointment to {@code start} by the slot rules, under the day's lock when
   * the rules cap it; the window to move in, or the refusal.
   */
  DoctorWindow movable(UserId doctor, String serviceType, Instant start) {
    var window = availability.forBooking(doctor, serviceType, start);
    var refusing =
        BookingPolicies.firstRefusing(
            BookingPolicies.SLOT, new BookingAsk(window, start, clock.instant()));
    if (refusing.isPresent()) {
      throw refusal(refusing.get(), window, start, true);
    }
    return window;
  }

  private void booked(Appointment appointment) {
    events.publishEvent(
        new AppointmentBooked(
            TenantContext.tenant(),
            appointment.clinicId(),
            new AppointmentId(appointment.id()),
            appointment.doctorId(),
            appointment.patientId(),
            appointment.startsAt()));
  }

  private static Appointment appointment(
      DoctorWindow window, NewAppointment request, UUID patient, UUID id) {
    return new Appointment(
        id,
        window.clinic(),
        window.doctor(),
        patient,
        request.serviceType(),
        request.startsAt(),
        request.startsAt().plus(window.rules().duration()),
        AppointmentStatus.BOOKED,
        request.source(),
        null,
        0,
        null);
  }

  /** The window's doctor, if an active doctor of the clinic; else 404, as for any unknown id. */
  private static void requireDoctor(DoctorWindow window) {
    if (!window.activeDoctor()) {
      throw new NotFoundException("Doctor");
    }
  }

  /** The refusal by a policy, as its problem, with its {@code policy} member. */
  ProblemException refusal(
      BookingPolicy policy, DoctorWindow window, Instant wanted, boolean withAlternatives) {
    var problem =
        switch (policy.problem()) {
          case SLOT_TAKEN ->
              new SlotTakenException(
                  "This time cannot be booked with this doctor: it is taken, outside their hours,"
                      + " too soon or too far ahead. The nearest alternatives are listed.",
                  withAlternatives ? alternatives(window, wanted) : List.of());
          case PLAN_LIMIT ->
              new ProblemException(
                  HttpStatus.CONFLICT,
                  "plan-limit",
                  "The clinic's plan allows "
                      + window.monthlyLimit()
                      + " appointments a month, and this month has them all. Upgrade the plan to"
                      + " book more.");
          case NOT_OFFERED ->
              ProblemException.invalid(
                  "serviceType", "is not a service type this clinic offers now");
        };
    return problem.property("policy", policy.name());
  }

  /**
   * The nearest alternatives to a refused start: the doctor's free times of the week around it,
   * nearest first, then the other doctors free at that very time (one read for all of them).
   */
  List<SlotTakenException.Alternative> alternatives(DoctorWindow window, Instant wanted) {
    var alternatives = new ArrayList<SlotTakenException.Alternative>();
    var doctor = window.doctor();
    var serviceType = window.rules().serviceType();
    var day = wanted.atZone(window.zone()).toLocalDate();
    var week = availability.window(doctor, serviceType, day, day.plusDays(7));
    availability.slots(week, day, day.plusDays(7)).stream()
        .sorted(
            Comparator.comparing(
                s -> Math.abs(s.startsAt().getEpochSecond() - wanted.getEpochSecond())))
        .limit(5)
        .forEach(
            s ->
                alternatives.add(
                    new SlotTakenException.Alternative(
                        doctor.toString(), s.startsAt(), s.endsAt())));
    var others =
        staff.members().stream()
            .filter(m -> m.active() && m.roles().contains(Role.DOCTOR))
            .map(Staff.Member::userId)
            .filter(d -> !d.equals(doctor))
            .toList();
    for (var theirs : availability.around(others, serviceType, wanted)) {
      availability
          .slotAt(theirs, wanted)
          .ifPresent(
              s ->
                  alternatives.add(
                      new SlotTakenException.Alternative(
                          theirs.doctor().toString(), s.startsAt(), s.endsAt())));
    }
    return alternatives;
  }
}
