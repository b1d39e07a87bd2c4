package io.carebook.scheduling;

import io.carebook.identity.Role;
import io.carebook.identity.Staff;
import io.carebook.patients.Patient.PatientId;
import io.carebook.patients.PatientDirectory;
import io.carebook.scheduling.AppointmentEvents.AppointmentBooked;
import io.carebook.scheduling.AppointmentEvents.AppointmentCanceled;
import io.carebook.scheduling.AppointmentEvents.AppointmentMarkedNoShow;
import io.carebook.scheduling.AppointmentEvents.AppointmentRescheduled;
import io.carebook.shared.AppointmentId;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.ProblemException;
import io.carebook.shared.UserId;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The facade of scheduling: doctors' hours and booking rules, availability, and appointments
 * booked, moved, canceled and marked no-show in the active clinic — by staff, patients and agents
 * through the same rules. The database refuses any double booking, so racing requests for one slot
 * give exactly as many bookings as the slot has seats.
 */
@Service
public class Scheduling {

  private final Rules rules;
  private final Hours hours;
  private final BusyTime busy;
  private final Appointments appointments;
  private final Availability availability;
  private final Organizations organizations;
  private final Staff staff;
  private final PatientDirectory patients;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final io.carebook.tenancy.Subscriptions subscriptions;

  Scheduling(
      Rules rules,
      Hours hours,
      BusyTime busy,
      Appointments appointments,
      Availability availability,
      Organizations organizations,
      Staff staff,
      PatientDirectory patients,
      ApplicationEventPublisher events,
      Clock clock,
      io.carebook.tenancy.Subscriptions subscriptions) {
    this.subscriptions = subscriptions;
    this.rules = rules;
    this.hours = hours;
    this.busy = busy;
    this.appointments = appointments;
    this.availability = availability;
    this.organizations = organizations;
    this.staff = staff;
    this.patients = patients;
    this.events = events;
    this.clock = clock;
  }

  /** The doctors of the active clinic. */
  @Transactional(readOnly = true)
  public List<Staff.Member> doctors() {
    return staff.members().stream()
        .filter(m -> m.active() && m.roles().contains(Role.DOCTOR))
        .toList();
  }

  @Transactional
  public void setWeeklyHours(UserId doctor, Collection<WeeklyHours> weekly) {
    requireDoctor(doctor);
    hours.replaceWeekly(TenantContext.clinic(), doctor, weekly);
  }

  @Transactional(readOnly = true)
  public List<WeeklyHours> weeklyHours(UserId doctor) {
    requireDoctor(doctor);
    return hours.weekly(TenantContext.clinic(), doctor);
  }

  /** A day off at the active clinic, or a day's hours replaced or extended. */
  @Transactional
  public void overrideDay(
      UserId doctor,
      LocalDate day,
      String kind,
      java.time.LocalTime starts,
      java.time.LocalTime ends) {
    requireDoctor(doctor);
    hours.addOverride(TenantContext.clinic(), doctor, new Hours.Override(day, kind, starts, ends));
  }

  @Transactional(readOnly = true)
  public BookingRules rules(String serviceType) {
    return rules.of(TenantContext.clinic(), serviceType);
  }

  @Transactional
  public void setRules(BookingRules newRules) {
    var errors = new ArrayList<ProblemException.FieldError>();
    within(
        errors,
        "durationMinutes",
        newRules.duration().toMinutes(),
        5,
        BookingRules.LONGEST.toMinutes());
    within(
        errors,
        "bufferBeforeMinutes",
        newRules.bufferBefore().toMinutes(),
        0,
        BookingRules.WIDEST_BUFFER.toMinutes());
    within(
        errors,
        "bufferAfterMinutes",
        newRules.bufferAfter().toMinutes(),
        0,
        BookingRules.WIDEST_BUFFER.toMinutes());
    within(errors, "minimumNoticeMinutes", newRules.minimumNotice().toMinutes(), 0, 60 * 24 * 90);
    within(errors, "horizonDays", newRules.horizon().toDays(), 1, 365);
    within(errors, "alignmentMinutes", newRules.alignment().toMinutes(), 5, 120);
    if (newRules.dailyCap() != null) {
      within(errors, "dailyCap", newRules.dailyCap(), 1, 500);
    }
    within(errors, "seats", newRules.seats(), 1, 10);
    if (!errors.isEmpty()) {
      throw new ProblemException(
          org.springframework.http.HttpStatus.BAD_REQUEST,
          "invalid-input",
          "The booking rules have values out of range.",
          errors);
    }
    rules.save(TenantContext.clinic(), newRules);
  }

  private static void within(
      List<ProblemException.FieldError> errors, String field, long value, long min, long max) {
    if (value < min || value > max) {
      errors.add(
          new ProblemException.FieldError(
              field, "must be between " + min + " and " + max + " (was " + value + ")"));
    }
  }

  @Transactional(readOnly = true)
  public List<Slot> availability(UserId doctor, String serviceType, LocalDate from, LocalDate to) {
    requireRange(from, to);
    var window = availability.window(doctor, serviceType, from, to);
    requireDoctor(window);
    return availability.slots(window, from, to);
  }

  private static void requireRange(LocalDate from, LocalDate to) {
    if (to.isBefore(from) || from.plusDays(62).isBefore(to)) {
      throw ProblemException.invalid("to", "must be on or after from, at most 62 days later");
    }
  }

  /** The free slots of every doctor of the active clinic, read in one statement, by doctor. */
  @Transactional(readOnly = true)
  public Map<UserId, List<Slot>> clinicAvailability(
      String serviceType, LocalDate from, LocalDate to) {
    requireRange(from, to);
    var doctors = doctors().stream().map(Staff.Member::userId).toList();
    var slots = new LinkedHashMap<UserId, List<Slot>>();
    for (var window : availability.windows(doctors, serviceType, from, to)) {
      slots.put(window.doctor(), availability.slots(window, from, to));
    }
    return slots;
  }

  /**
   * Books the slot, or refuses it with the nearest alternatives. The rules are checked for the
   * asked start only, from one read of the doctor's window; the busy time and the appointment are
   * written in one statement whose exclusion constraints, not that check, have the last word on
   * overlaps; a patient to register is registered last, so that the organization's record-number
   * lock is held only until the commit (the appointment's patient is checked at commit).
   */
  @Transactional
  public Appointment book(NewAppointment request) {
    var start = request.startsAt();
    var window = availability.around(request.doctorId(), request.serviceType(), start);
    var doctor = requireDoctor(window);
    if (request.patientId() == null && request.patient() == null) {
      throw ProblemException.invalid("patient", "give a patientId or the patient's name and phone");
    }
    if (availability.slotAt(window, start).isEmpty()) {
      throw taken(window, doctor, start);
    }
    requireMonthlyRoom(window, start);
    var patient =
        request.patientId() != null
            ? patients.get(new PatientId(request.patientId())).id()
            : PatientId.random();
    var appointment = booked(window, request, patient.value());
    var bookingRules = window.rules();
    var holdFrom = start.minus(bookingRules.bufferBefore());
    var holdTo = appointment.endsAt().plus(bookingRules.bufferAfter());
    var held = false;
    for (int seat = 1; seat <= bookingRules.seats() && !held; seat++) {
      held = appointments.insertHeld(appointment, holdFrom, holdTo, seat);
    }
    if (!held) {
      throw taken(window, doctor, start);
    }
    if (request.patientId() == null) {
      var registered = patients.findOrRegisterId(request.patient(), patient);
      if (!registered.equals(patient)) {
        appointments.changePatient(appointment.id(), registered.value());
        appointment = booked(window, request, registered.value(), appointment.id());
      }
    }
    events.publishEvent(
        new AppointmentBooked(
            TenantContext.tenant(),
            window.clinic(),
            new AppointmentId(appointment.id()),
            doctor,
            appointment.patientId(),
            start));
    return appointment;
  }

  /**
   * Refuses ({@code plan-limit}) a booking past the appointments the clinic's plan allows in the
   * clinic-local month of {@code start}; plans without a limit skip the count.
   */
  private void requireMonthlyRoom(DoctorWindow window, Instant start) {
    var plan = subscriptions.plan(window.clinic());
    var limit = plan.appointmentsPerMonth();
    if (limit == Integer.MAX_VALUE) {
      return;
    }
    var month = start.atZone(window.zone()).toLocalDate().withDayOfMonth(1);
    var booked =
        appointments.countBetween(
            window.clinic(),
            month.atStartOfDay(window.zone()).toInstant(),
            month.plusMonths(1).atStartOfDay(window.zone()).toInstant(),
            limit);
    if (booked >= limit) {
      throw new ProblemException(
          org.springframework.http.HttpStatus.CONFLICT,
          "plan-limit",
          "The clinic's "
              + plan.name()
              + " plan allows "
              + limit
              + " appointments a month, and this month has them all. Upgrade the plan to book"
              + " more.");
    }
  }

  private static Appointment booked(DoctorWindow window, NewAppointment request, UUID patient) {
    return booked(window, request, patient, UUID.randomUUID());
  }

  private static Appointment booked(
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

  @Transactional
  public Appointment reschedule(UUID id, Instant startsAt) {
    var appointment = live(id);
    var clinic = organizations.activeClinic();
    var window = availability.around(appointment.doctorId(), appointment.serviceType(), startsAt);
    var bookingRules = window.rules();
    if (availability.slotAt(window, startsAt).isEmpty()) {
      throw taken(window, appointment.doctorId(), startsAt);
    }
    var previous = appointments.busyOf(id);
    if (previous != null) {
      busy.release(previous); // its own old time must not stand in its way
    }
    var end = startsAt.plus(bookingRules.duration());
    var hold =
        busy.hold(
                appointment.doctorId(),
                clinic.id(),
                startsAt.minus(bookingRules.bufferBefore()),
                end.plus(bookingRules.bufferAfter()),
                bookingRules.seats())
            .orElseThrow(() -> taken(window, appointment.doctorId(), startsAt));
    appointments.move(id, startsAt, end, hold.id(), hold.seat());
    events.publishEvent(
        new AppointmentRescheduled(
            clinic.tenantId(),
            clinic.id(),
            new AppointmentId(id),
            appointment.doctorId(),
            appointment.patientId(),
            appointment.startsAt(),
            startsAt));
    return appointments.find(id).orElseThrow();
  }

  @Transactional
  public Appointment cancel(UUID id, String reason) {
    var appointment = live(id);
    if (reason == null || reason.isBlank()) {
      throw ProblemException.invalid("reason", "is required");
    }
    var held = appointments.busyOf(id);
    if (held != null) {
      busy.release(held);
    }
    appointments.cancel(id, reason.trim());
    var clinic = organizations.activeClinic();
    events.publishEvent(
        new AppointmentCanceled(
            clinic.tenantId(),
            clinic.id(),
            new AppointmentId(id),
            appointment.doctorId(),
            appointment.patientId(),
            appointment.startsAt(),
            appointment.endsAt()));
    return appointments.find(id).orElseThrow();
  }

  @Transactional
  public Appointment markNoShow(UUID id) {
    var appointment = live(id);
    if (appointment.startsAt().isAfter(clock.instant())) {
      throw new ProblemException(
          HttpStatus.CONFLICT,
          "not-yet",
          "An appointment can be marked no-show only once its time has come.");
    }
    appointments.status(id, AppointmentStatus.NOSHOW);
    var clinic = organizations.activeClinic();
    events.publishEvent(
        new AppointmentMarkedNoShow(
            clinic.tenantId(), clinic.id(), new AppointmentId(id), appointment.patientId()));
    return appointments.find(id).orElseThrow();
  }

  /**
   * The patient of a booked appointment has arrived at the desk (the front desk checks them in);
   * 409 if the appointment is no longer booked.
   */
  @Transactional
  public Appointment arrive(UUID id) {
    live(id);
    appointments.status(id, AppointmentStatus.ARRIVED);
    return appointments.find(id).orElseThrow();
  }

  /**
   * The patient confirmed they will come (a reply to a reminder, or said at the desk): the calendar
   * shows it. A cancelled or past appointment stays as it is.
   */
  @Transactional
  public Appointment confirm(UUID id) {
    var appointment = live(id);
    appointments.confirm(appointment.id(), clock.instant());
    return get(id);
  }

  @Transactional(readOnly = true)
  public Appointment get(UUID id) {
    return appointments.find(id).orElseThrow(() -> new NotFoundException("Appointment"));
  }

  @Transactional(readOnly = true)
  public List<Appointment> between(@Nullable UserId doctor, Instant from, Instant to) {
    return appointments.between(TenantContext.clinic(), doctor, from, to);
  }

  /** How many appointments (not cancelled) the active clinic has between two instants. */
  @Transactional(readOnly = true)
  public long countBetween(Instant from, Instant to) {
    return appointments.countBetween(TenantContext.clinic(), from, to, Long.MAX_VALUE);
  }

  private Appointment live(UUID id) {
    var appointment = get(id);
    if (appointment.status() != AppointmentStatus.BOOKED) {
      throw new ProblemException(
          HttpStatus.CONFLICT,
          "appointment-closed",
          "This appointment is " + appointment.status().fhir() + " and can no longer change.");
    }
    return appointment;
  }

  private UserId requireDoctor(UserId doctor) {
    if (doctors().stream().noneMatch(d -> d.userId().equals(doctor))) {
      throw new NotFoundException("Doctor");
    }
    return doctor;
  }

  /** The window's doctor, if an active doctor of the clinic; else 404, as for any unknown id. */
  private static UserId requireDoctor(DoctorWindow window) {
    if (!window.activeDoctor()) {
      throw new NotFoundException("Doctor");
    }
    return window.doctor();
  }

  /** The refusal of a start, with the nearest alternatives: other times, then other doctors. */
  private SlotTakenException taken(DoctorWindow window, UserId doctor, Instant wanted) {
    var alternatives = new ArrayList<SlotTakenException.Alternative>();
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
        doctors().stream().map(Staff.Member::userId).filter(d -> !d.equals(doctor)).toList();
    for (var theirs : availability.around(others, serviceType, wanted)) { // one read for all
      availability
          .slotAt(theirs, wanted)
          .ifPresent(
              s ->
                  alternatives.add(
                      new SlotTakenException.Alternative(
                          theirs.doctor().toString(), s.startsAt(), s.endsAt())));
    }
    return new SlotTakenException(
        "This time cannot be booked with this doctor: it is taken, outside their hours, too soon or"
            + " too far ahead. The nearest alternatives are listed.",
        alternatives);
  }
}
