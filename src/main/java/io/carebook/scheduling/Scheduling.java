package io.carebook.scheduling;

import io.carebook.identity.Role;
import io.carebook.identity.Staff;
import io.carebook.scheduling.AppointmentEvents.AppointmentCanceled;
import io.carebook.scheduling.AppointmentEvents.AppointmentMarkedNoShow;
import io.carebook.scheduling.AppointmentEvents.AppointmentRescheduled;
import io.carebook.shared.AppointmentId;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.ProblemException;
import io.carebook.shared.UserId;
import io.carebook.shared.web.ETags;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
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
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final Bookings bookings;

  Scheduling(
      Rules rules,
      Hours hours,
      BusyTime busy,
      Appointments appointments,
      Availability availability,
      Organizations organizations,
      Staff staff,
      ApplicationEventPublisher events,
      Clock clock,
      Bookings bookings) {
    this.bookings = bookings;
    this.rules = rules;
    this.hours = hours;
    this.busy = busy;
    this.appointments = appointments;
    this.availability = availability;
    this.organizations = organizations;
    this.staff = staff;
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
    setWeeklyHours(doctor, weekly, null);
  }

  /**
   * Replaces the doctor's weekly hours if their hours are still at version {@code expected} (412
   * otherwise; null expects none); every change moves the version ({@link #hoursVersion}).
   */
  @Transactional
  public void setWeeklyHours(
      UserId doctor, Collection<WeeklyHours> weekly, @Nullable Integer expected) {
    requireDoctor(doctor);
    ETags.expect(expected, hours.bump(TenantContext.clinic(), doctor));
    hours.replaceWeekly(TenantContext.clinic(), doctor, weekly);
  }

  /**
   * The version of the doctor's hours at the active clinic, weekly hours and dated exceptions
   * together (the ETag of their hours on /api/v1): 0 until they first change.
   */
  @Transactional(readOnly = true)
  public int hoursVersion(UserId doctor) {
    requireDoctor(doctor);
    return hours.version(TenantContext.clinic(), doctor);
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
    overrideDay(doctor, day, kind, starts, ends, null);
  }

  /** {@link #overrideDay} if the doctor's hours are still at version {@code expected}. */
  @Transactional
  public void overrideDay(
      UserId doctor,
      LocalDate day,
      String kind,
      java.time.LocalTime starts,
      java.time.LocalTime ends,
      @Nullable Integer expected) {
    requireDoctor(doctor);
    ETags.expect(expected, hours.bump(TenantContext.clinic(), doctor));
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
   * Books the slot, or refuses it with the nearest alternatives ({@link Bookings}, the one way an
   * appointment is made): a refusal names the rule that refused in its {@code policy} member.
   */
  @Transactional
  public Appointment book(NewAppointment request) {
    return bookings.book(request, true);
  }

  /**
   * Books the slot, or refuses it; with {@code alternativesOnRefusal} false a refusal reads no
   * alternatives (callers that show none: the calendar's quick booking, the public page).
   */
  @Transactional
  public Appointment book(NewAppointment request, boolean alternativesOnRefusal) {
    return bookings.book(request, alternativesOnRefusal);
  }

  @Transactional
  public Appointment reschedule(UUID id, Instant startsAt) {
    var appointment = live(id);
    var clinic = organizations.activeClinic();
    var window = bookings.movable(appointment.doctorId(), appointment.serviceType(), startsAt);
    var bookingRules = window.rules();
    var previous = appointments.busyOf(id);
    if (previous != null) {
      busy.release(appointment.doctorId(), previous); // its own old time must not stand in its way
    }
    var end = startsAt.plus(bookingRules.duration());
    var hold =
        busy.hold(
                appointment.doctorId(),
                clinic.id(),
                startsAt.minus(bookingRules.bufferBefore()),
                end.plus(bookingRules.bufferAfter()),
                bookingRules.seats())
            .orElseThrow(() -> bookings.refusal(new SeatsLeft(), window, startsAt, true));
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
      busy.release(appointment.doctorId(), held);
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

  // fhir: the FHIR facade's search of appointments

  /**
   * Which appointments to find: each filter given must match (null: any). {@code from} and {@code
   * to} bound the start, [from, to); {@code clinic} null means every clinic of the organization.
   */
  public record AppointmentFilter(
      @Nullable UUID patient,
      @Nullable UserId doctor,
      io.carebook.shared.@Nullable ClinicId clinic,
      @Nullable Instant from,
      @Nullable Instant to,
      @Nullable AppointmentStatus status) {}

  /**
   * The organization's appointments matching {@code filter}, by start then id, at most {@code
   * limit} (1 to 1001). Callers check permissions.
   */
  @Transactional(readOnly = true)
  public List<Appointment> find(AppointmentFilter filter, int limit) {
    return appointments.matching(filter, Math.clamp(limit, 1, 1001));
  }

  // paging: the appointments between two instants, a keyset page at a time

  /** The UUID no id sorts before: where a keyset page of a list begins without a cursor. */
  private static final UUID FIRST = new UUID(0, 0);

  /**
   * A page of {@link #between}: at most {@code limit} appointments after the one starting at {@code
   * afterAt} with {@code afterId} (from the first without them), in the same order.
   */
  @Transactional(readOnly = true)
  public List<Appointment> between(
      @Nullable UserId doctor,
      Instant from,
      Instant to,
      @Nullable Instant afterAt,
      @Nullable UUID afterId,
      int limit) {
    return appointments.between(
        TenantContext.clinic(),
        doctor,
        from,
        to,
        afterAt == null ? from : afterAt,
        afterId == null ? FIRST : afterId,
        Math.clamp(limit, 1, 1001));
  }

  /**
   * As {@link #find(AppointmentFilter, int)}, the page after the appointment whose (start, id) a
   * previous page ended with (keyset paging; both null for the first page).
   */
  @Transactional(readOnly = true)
  public List<Appointment> find(
      AppointmentFilter filter, @Nullable Instant afterStart, @Nullable UUID afterId, int limit) {
    if ((afterStart == null) != (afterId == null)) {
      throw new IllegalArgumentException("give both the start and the id to page after, or none");
    }
    return appointments.matching(filter, afterStart, afterId, Math.clamp(limit, 1, 1001));
  }
}
