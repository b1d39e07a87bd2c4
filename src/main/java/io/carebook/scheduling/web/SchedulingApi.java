package io.carebook.scheduling.web;

import io.carebook.patients.NewPatient;
import io.carebook.scheduling.Appointment;
import io.carebook.scheduling.DoctorTimeOff;
import io.carebook.scheduling.NewAppointment;
import io.carebook.scheduling.Scheduling;
import io.carebook.scheduling.ServiceTypes;
import io.carebook.scheduling.TimeOffEntry;
import io.carebook.scheduling.WeeklyHours;
import io.carebook.shared.Ids;
import io.carebook.shared.ProblemException;
import io.carebook.shared.UserId;
import io.carebook.shared.web.CursorPage;
import io.carebook.shared.web.ETags;
import io.carebook.shared.web.Keyset;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.ActorType;
import io.carebook.tenancy.IdempotentCreate;
import io.carebook.tenancy.Permissions;
import io.carebook.tenancy.TenantContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(
    name = "Scheduling",
    description =
        "Doctors' hours, booking rules, availability and appointments of the active clinic. Dates"
            + " are local dates of the clinic's time zone; times are instants with offset.")
class SchedulingApi {

  private final Scheduling calendar;
  private final ServiceTypes serviceTypes;
  private final Permissions permissions;
  private final DoctorTimeOff timeOff;

  SchedulingApi(
      Scheduling calendar,
      ServiceTypes serviceTypes,
      Permissions permissions,
      DoctorTimeOff timeOff) {
    this.calendar = calendar;
    this.serviceTypes = serviceTypes;
    this.permissions = permissions;
    this.timeOff = timeOff;
  }

  record HoursRange(@NotNull DayOfWeek day, @NotNull LocalTime starts, @NotNull LocalTime ends) {}

  @GetMapping("/api/v1/doctors/{doctorId}/hours")
  @Operation(summary = "A doctor's weekly hours at the active clinic")
  CursorPage<WeeklyHours> hours(
      @PathVariable String doctorId,
      @RequestParam(required = false) @Nullable Integer limit,
      @RequestParam(required = false) @Nullable String cursor,
      jakarta.servlet.http.HttpServletResponse response) {
    permissions.require(Action.PATIENT_VIEW);
    // the hours' version (weekly and exceptions), for If-Match on PUT hours and day-overrides
    response.setHeader("ETag", ETags.of(calendar.hoursVersion(doctor(doctorId))));
    return CursorPage.wholeUnlessLimited(
        calendar.weeklyHours(doctor(doctorId)), limit, cursor, h -> h.day() + "@" + h.starts());
  }

  @PutMapping("/api/v1/doctors/{doctorId}/hours")
  @Operation(
      summary = "Replace a doctor's weekly hours at the active clinic (needs SCHEDULE_EDIT)",
      description =
          "If-Match (optional) with the ETag of GET .../hours (the version of the doctor's hours"
              + " at the clinic, weekly and exceptions together) refuses a stale write (412).")
  ResponseEntity<Map<String, List<WeeklyHours>>> setHours(
      @PathVariable String doctorId,
      @RequestBody List<@Valid HoursRange> ranges,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
    permissions.require(Action.SCHEDULE_EDIT);
    List<WeeklyHours> weekly;
    try {
      weekly = ranges.stream().map(r -> new WeeklyHours(r.day(), r.starts(), r.ends())).toList();
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("ends", "must be after starts");
    }
    calendar.setWeeklyHours(doctor(doctorId), weekly, ETags.sent(ifMatch));
    return ResponseEntity.ok()
        .eTag(ETags.of(calendar.hoursVersion(doctor(doctorId))))
        .body(Map.of("items", calendar.weeklyHours(doctor(doctorId))));
  }

  record DayOverride(
      @NotNull LocalDate day,
      @NotBlank String kind,
      @Nullable LocalTime starts,
      @Nullable LocalTime ends) {}

  @PostMapping("/api/v1/doctors/{doctorId}/day-overrides")
  @Operation(
      summary =
          "A dated exception at the active clinic (needs SCHEDULE_EDIT): OFF, REPLACE (the"
              + " day's hours become starts–ends) or EXTRA (starts–ends added)",
      description =
          "If-Match (optional) with the ETag of GET .../hours (the version of the doctor's hours"
              + " at the clinic, weekly and exceptions together) refuses a stale write (412); the"
              + " answer's ETag is the new version.")
  ResponseEntity<Void> overrideDay(
      @PathVariable String doctorId,
      @Valid @RequestBody DayOverride body,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
    permissions.require(Action.SCHEDULE_EDIT);
    var kind = body.kind().toUpperCase(java.util.Locale.ROOT);
    if (!java.util.Set.of("OFF", "REPLACE", "EXTRA").contains(kind)) {
      throw ProblemException.invalid("kind", "must be OFF, REPLACE or EXTRA");
    }
    var off = kind.equals("OFF");
    if (!off
        && (body.starts() == null || body.ends() == null || !body.ends().isAfter(body.starts()))) {
      throw ProblemException.invalid("ends", "give starts and ends, ends after starts");
    }
    calendar.overrideDay(
        doctor(doctorId),
        body.day(),
        kind,
        off ? null : body.starts(),
        off ? null : body.ends(),
        ETags.sent(ifMatch));
    return ResponseEntity.noContent()
        .eTag(ETags.of(calendar.hoursVersion(doctor(doctorId))))
        .build();
  }

  record TimeOff(@NotNull Instant starts, @NotNull Instant ends, @Nullable String kind) {}

  @PostMapping("/api/v1/doctors/{doctorId}/time-off")
  @Operation(
      summary =
          "Leave or another commitment (hospital rounds). Recorded by the doctor themself: busy at"
              + " every clinic of every organization. Recorded by anyone else (needs SCHEDULE_EDIT):"
              + " busy at the active clinic only. At most 90 days, starting at most 365 days ahead;"
              + " 409 if it overlaps appointments or other time off")
  ResponseEntity<TimeOffEntry> timeOff(
      @PathVariable String doctorId, @Valid @RequestBody TimeOff body) {
    var doctor = doctor(doctorId);
    requireTimeOffRights(doctor);
    var kind = "COMMITMENT".equals(body.kind()) ? "COMMITMENT" : "LEAVE";
    var entry = timeOff.record(doctor, body.starts(), body.ends(), kind);
    return ResponseEntity.created(
            URI.create("/api/v1/doctors/" + doctorId + "/time-off/" + entry.id()))
        .body(entry);
  }

  @GetMapping("/api/v1/doctors/{doctorId}/time-off")
  @Operation(
      summary =
          "A doctor's current and future time off recorded by this organization (and, for the"
              + " doctor themself, their own); other organizations' entries show only as busy time")
  CursorPage<TimeOffEntry> timeOffList(
      @PathVariable String doctorId,
      @RequestParam(required = false) @Nullable Integer limit,
      @RequestParam(required = false) @Nullable String cursor) {
    var doctor = doctor(doctorId);
    requireTimeOffRights(doctor);
    return CursorPage.wholeUnlessLimited(timeOff.list(doctor), limit, cursor, TimeOffEntry::id);
  }

  @DeleteMapping("/api/v1/doctors/{doctorId}/time-off/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(
      summary =
          "Lift time off: the doctor lifts any of theirs; an organization (SCHEDULE_EDIT) those it"
              + " recorded; 404 otherwise")
  void liftTimeOff(@PathVariable String doctorId, @PathVariable String id) {
    var doctor = doctor(doctorId);
    requireTimeOffRights(doctor);
    timeOff.lift(doctor, Ids.parse(id, "Time off"));
  }

  /** A doctor manages their own time off; anyone else needs SCHEDULE_EDIT. */
  private void requireTimeOffRights(UserId doctor) {
    if (!DoctorTimeOff.isSelf(doctor)) {
      permissions.require(Action.SCHEDULE_EDIT);
    }
  }

  @GetMapping("/api/v1/booking-rules")
  @Operation(summary = "The active clinic's booking rules (for a service type, or the default)")
  ResponseEntity<RulesView> rules(@RequestParam(defaultValue = "") String serviceType) {
    permissions.require(Action.PATIENT_VIEW);
    return ResponseEntity.ok()
        .eTag(ETags.of(serviceTypes.version(serviceType)))
        .body(RulesView.of(calendar.rules(serviceType)));
  }

  @PutMapping("/api/v1/booking-rules")
  @Operation(
      summary =
          "Set the active clinic's booking rules, or a service type's (added if new; needs"
              + " SCHEDULE_EDIT)",
      description =
          "If-Match with the ETag of GET /api/v1/booking-rules?serviceType= (the type's rules and"
              + " price are one versioned record) refuses a stale write (412); without it the"
              + " change is applied.")
  ResponseEntity<RulesView> setRules(
      @RequestParam(defaultValue = "") String serviceType,
      @Valid @RequestBody RulesView body,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
    permissions.require(Action.SCHEDULE_EDIT);
    var saved = serviceTypes.save(serviceType, body.rules(serviceType), ETags.sent(ifMatch));
    return ResponseEntity.ok()
        .eTag(ETags.of(serviceTypes.version(serviceType)))
        .body(RulesView.of(saved));
  }

  /** A free slot and whose it is. */
  record DoctorSlot(String doctorId, Instant startsAt, Instant endsAt, int seatsLeft) {}

  @GetMapping("/api/v1/availability")
  @Operation(
      summary =
          "Free slots between two local dates (at most 62 days): of one doctor, or, without"
              + " doctorId, of every doctor of the active clinic; for a service type if given")
  CursorPage<DoctorSlot> availability(
      @RequestParam(required = false) @Nullable String doctorId,
      @RequestParam(required = false) @Nullable Integer limit,
      @RequestParam(required = false) @Nullable String cursor,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(defaultValue = "") String serviceType) {
    permissions.require(Action.BOOKING);
    var slots =
        doctorId == null || doctorId.isBlank()
            ? calendar.clinicAvailability(serviceType, from, to)
            : Map.of(
                doctor(doctorId), calendar.availability(doctor(doctorId), serviceType, from, to));
    var items = new java.util.ArrayList<DoctorSlot>();
    slots.forEach(
        (d, free) ->
            free.forEach(
                slot ->
                    items.add(
                        new DoctorSlot(
                            d.toString(), slot.startsAt(), slot.endsAt(), slot.seatsLeft()))));
    items.sort(
        java.util.Comparator.comparing(DoctorSlot::startsAt).thenComparing(DoctorSlot::doctorId));
    return CursorPage.wholeUnlessLimited(
        items, limit, cursor, s -> s.doctorId() + "@" + s.startsAt());
  }

  record PatientDetails(@NotBlank String fullName, @Nullable String phone) {}

  record Booking(
      @NotBlank String doctorId,
      @NotNull Instant startsAt,
      @Nullable String serviceType,
      @Nullable String patientId,
      @Nullable @Valid PatientDetails patient) {}

  @PostMapping("/api/v1/appointments")
  @IdempotentCreate
  @Operation(
      summary = "Book an appointment (needs BOOKING); accepts Idempotency-Key",
      description =
          "Give a patientId, or the patient's name and phone to find or register them. A time that"
              + " is taken, outside the doctor's hours, too soon or too far ahead answers 409"
              + " /problems/slot-taken with 'alternatives': the nearest free times with this"
              + " doctor and other doctors free at that time. Every refusal names the rule that"
              + " refused in 'policy': within-hours, on-grid, minimum-notice, horizon, daily-cap,"
              + " seats-left (slot-taken), plan-monthly-limit (plan-limit), service-type-offered"
              + " (invalid-input).")
  ResponseEntity<Appointment> book(@Valid @RequestBody Booking body) {
    permissions.require(Action.BOOKING);
    var type = body.serviceType() == null ? "" : body.serviceType().strip();
    var source =
        TenantContext.current().map(s -> s.actor() == ActorType.AGENT).orElse(false)
            ? "AGENT"
            : "STAFF";
    var appointment =
        calendar.book(
            new NewAppointment(
                doctor(body.doctorId()),
                body.startsAt(),
                type,
                body.patientId() == null ? null : Ids.parse(body.patientId(), "Patient"),
                body.patient() == null
                    ? null
                    : new NewPatient(body.patient().fullName(), body.patient().phone(), null, null),
                source));
    return ResponseEntity.created(URI.create("/api/v1/appointments/" + appointment.id()))
        .eTag(ETags.of(appointment.version()))
        .body(appointment);
  }

  /** The outcome of a negotiation: the booking, or the nearest alternatives. */
  record Negotiation(
      @Nullable Appointment appointment,
      List<io.carebook.scheduling.SlotTakenException.Alternative> alternatives) {}

  @PostMapping("/api/v1/appointments/negotiate")
  @IdempotentCreate
  @Operation(
      summary = "Book if the time is free, else answer with alternatives (needs BOOKING)",
      description =
          "One intent-style call for people and agents: 200 with 'appointment' when booked, 200"
              + " with 'alternatives' (same doctor other times, other doctors the same time)"
              + " when not.")
  Negotiation negotiate(@Valid @RequestBody Booking body) {
    try {
      return new Negotiation(book(body).getBody(), List.of());
    } catch (io.carebook.scheduling.SlotTakenException taken) {
      return new Negotiation(null, taken.alternatives());
    }
  }

  @GetMapping("/api/v1/appointments")
  @Operation(
      summary = "The active clinic's appointments starting between two instants",
      description =
          "By start, then id. All of them without limit and cursor (as before lists took them);"
              + " a page of ?limit= (50 unless given) with either, read in the database after"
              + " the cursor's appointment.")
  CursorPage<Appointment> appointments(
      @RequestParam Instant from,
      @RequestParam Instant to,
      @RequestParam(required = false) @Nullable String doctorId,
      @RequestParam(required = false) @Nullable Integer limit,
      @RequestParam(required = false) @Nullable String cursor) {
    permissions.require(Action.PATIENT_VIEW);
    var doctor = doctorId == null ? null : doctor(doctorId);
    if (CursorPage.askedWhole(limit, cursor)) {
      return CursorPage.whole(calendar.between(doctor, from, to));
    }
    var size = CursorPage.limitOrDefault(limit);
    var after = Keyset.after(cursor);
    var rows =
        calendar.between(
            doctor,
            from,
            to,
            after == null ? null : after.at(),
            after == null ? null : after.id(),
            size + 1);
    return CursorPage.ofOneMore(rows, size, a -> Keyset.of(a.startsAt(), a.id()));
  }

  @GetMapping("/api/v1/appointments/{id}")
  @Operation(summary = "One appointment")
  ResponseEntity<Appointment> appointment(@PathVariable String id) {
    permissions.require(Action.PATIENT_VIEW);
    var appointment = calendar.get(Ids.parse(id, "Appointment"));
    return ResponseEntity.ok().eTag(ETags.of(appointment.version())).body(appointment);
  }

  /** A stale If-Match on a change of an appointment is 412. */
  private void fresh(String id, @Nullable String ifMatch) {
    ETags.checkIfSent(ifMatch, () -> calendar.get(Ids.parse(id, "Appointment")).version());
  }

  record Cancellation(@NotBlank String reason) {}

  @PostMapping("/api/v1/appointments/{id}/cancel")
  @Operation(summary = "Cancel with a reason; the time is freed at once (needs BOOKING)")
  Appointment cancel(
      @PathVariable String id,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
      @Valid @RequestBody Cancellation body) {
    permissions.require(Action.BOOKING);
    fresh(id, ifMatch);
    return calendar.cancel(Ids.parse(id, "Appointment"), body.reason());
  }

  @Schema(name = "Reschedule") // not the visits' Move, in the OpenAPI document
  record Move(@NotNull Instant startsAt) {}

  @PostMapping("/api/v1/appointments/{id}/reschedule")
  @Operation(summary = "Move to another time, by the same rules (needs BOOKING)")
  Appointment reschedule(
      @PathVariable String id,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
      @Valid @RequestBody Move body) {
    permissions.require(Action.BOOKING);
    fresh(id, ifMatch);
    return calendar.reschedule(Ids.parse(id, "Appointment"), body.startsAt());
  }

  @PostMapping("/api/v1/appointments/{id}/confirm")
  @Operation(
      summary = "The patient confirmed they will come (needs BOOKING; If-Match required)",
      description = "Patients also confirm by replying YES / SÍ / نعم to a reminder.")
  Appointment confirm(
      @PathVariable String id,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
    permissions.require(Action.BOOKING);
    ETags.check(ifMatch, calendar.get(Ids.parse(id, "Appointment")).version());
    return calendar.confirm(Ids.parse(id, "Appointment"));
  }

  @PostMapping("/api/v1/appointments/{id}/no-show")
  @Operation(summary = "Mark an appointment whose time has come as a no-show (needs BOOKING)")
  Appointment noShow(
      @PathVariable String id,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
    permissions.require(Action.BOOKING);
    fresh(id, ifMatch);
    return calendar.markNoShow(Ids.parse(id, "Appointment"));
  }

  private static UserId doctor(String id) {
    return new UserId(Ids.parse(id, "Doctor"));
  }
}
