package io.carebook.scheduling.web;

import io.carebook.identity.Staff;
import io.carebook.scheduling.Appointment;
import io.carebook.scheduling.AppointmentStatus;
import io.carebook.scheduling.CalendarGrid;
import io.carebook.scheduling.Scheduling;
import io.carebook.scheduling.Slot;
import io.carebook.shared.ProblemException;
import io.carebook.shared.UserId;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Clinic;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.Permissions;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff calendar: a day of the active clinic, a column per doctor, with each appointment and
 * each free slot; book into a free slot, cancel or mark a no-show in one step.
 */
@Controller
class CalendarPages {

  private final Scheduling calendar;
  private final Organizations organizations;
  private final Permissions permissions;
  private final io.carebook.scheduling.ServiceTypes serviceTypes;
  private final java.time.Clock clock;
  private final QuickBookSlot quickBook;
  private final CalendarGrid calendarGrid;

  CalendarPages(
      Scheduling calendar,
      Organizations organizations,
      Permissions permissions,
      io.carebook.scheduling.ServiceTypes serviceTypes,
      java.time.Clock clock,
      QuickBookSlot quickBook,
      CalendarGrid calendarGrid) {
    this.calendarGrid = calendarGrid;
    this.clock = clock;
    this.quickBook = quickBook;
    this.serviceTypes = serviceTypes;
    this.calendar = calendar;
    this.organizations = organizations;
    this.permissions = permissions;
  }

  @GetMapping("/calendar")
  String day(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate date,
      @RequestParam(defaultValue = "") String type,
      @RequestParam(required = false) @Nullable UUID doctorId,
      @RequestParam(required = false) @Nullable Instant startsAt,
      @RequestParam(required = false) @Nullable UUID move,
      jakarta.servlet.http.HttpSession session,
      Model model) {
    requireCalendar();
    if (doctorId != null && startsAt != null && permissions.allows(Action.BOOKING)) {
      quickBook.addTo(model, doctorId, startsAt, type); // the slot's form, opened without script
    }
    QuickBookFor.prefill(session, model); // issue 19: booking for a patient of the inbox
    // the free times shown, and booked, are those of one service type (the standard visit first)
    var types = new ArrayList<String>(List.of(""));
    serviceTypes.offered().stream()
        .map(r -> r.serviceType())
        .filter(t -> !t.isEmpty())
        .forEach(types::add);
    var serviceType = types.contains(type) ? type : "";
    var clinic = organizations.activeClinic();
    var zone = clinic.timezone();
    var day = date == null ? LocalDate.now(zone) : date;
    var grid = calendarGrid.day(day, serviceType, permissions.allows(Action.BOOKING));
    model.addAttribute("day", day);
    // no-show only once an appointment's time has come: before, the button would only fail
    model.addAttribute("now", clock.instant());
    model.addAttribute("types", types);
    model.addAttribute("type", serviceType);
    model.addAttribute("grid", grid);
    model.addAttribute("columns", grid.columns());
    model.addAttribute("canBook", permissions.allows(Action.BOOKING));
    model.addAttribute(
        "freeTimes",
        grid.columns().stream()
            .collect(
                java.util.stream.Collectors.toMap(
                    c -> c.doctor().userId().toString(), CalendarGrid.Column::free)));
    if (move != null && permissions.allows(Action.BOOKING)) {
      model.addAttribute("moving", moving(grid, move));
    }
    return "scheduling/day";
  }

  /** The booked appointment being moved, as shown on the grid; 404 when it is not on it. */
  private static CalendarGrid.Cell moving(CalendarGrid.Day grid, UUID id) {
    return grid.columns().stream()
        .flatMap(c -> c.cells().stream())
        .filter(c -> c.appointment() != null && c.appointment().id().equals(id))
        .filter(c -> c.appointment().status() == AppointmentStatus.BOOKED)
        .findFirst()
        .orElseThrow(() -> new io.carebook.shared.NotFoundException("Appointment"));
  }

  @PostMapping("/calendar/appointments/{id}/reschedule")
  String reschedule(
      @PathVariable UUID id,
      @RequestParam Instant startsAt,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      RedirectAttributes redirect) {
    permissions.require(Action.BOOKING);
    try {
      calendar.reschedule(id, startsAt);
      redirect.addFlashAttribute("moved", true);
    } catch (ProblemException e) {
      redirect.addFlashAttribute("problem", e.kind());
    }
    return "redirect:/calendar?date=" + date;
  }

  /** One doctor's week at a glance, for the clinic's week: booked and free per day. */
  record DoctorWeek(Staff.Member doctor, List<long[]> days) {}

  @GetMapping("/calendar/week")
  String week(
      @RequestParam(required = false) @Nullable UUID doctorId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate date,
      Model model) {
    requireCalendar();
    var clinic = organizations.activeClinic();
    var zone = clinic.timezone();
    if (doctorId == null) {
      return clinicWeek(firstOfWeek(clinic, date), model);
    }
    var doctor = new UserId(doctorId);
    var member =
        calendar.doctors().stream()
            .filter(d -> d.userId().equals(doctor))
            .findFirst()
            .orElseThrow(() -> new io.carebook.shared.NotFoundException("Doctor"));
    var first = firstOfWeek(clinic, date);
    model.addAttribute(
        "week", calendarGrid.week(doctor, first, permissions.allows(Action.BOOKING)));
    model.addAttribute("doctors", calendar.doctors());
    model.addAttribute("canBook", permissions.allows(Action.BOOKING));
    model.addAttribute("doctor", member);
    model.addAttribute("first", first);
    return "scheduling/week";
  }

  /** Every doctor of the clinic, a row each: booked and free times per day of the week. */
  private String clinicWeek(LocalDate first, Model model) {
    var zone = organizations.activeClinic().timezone();
    var rows = new ArrayList<DoctorWeek>();
    // every doctor's appointments and free time in one read each
    var freeByDoctor =
        permissions.allows(Action.BOOKING)
            ? calendar.clinicAvailability("", first, first.plusDays(6))
            : java.util.Map.<UserId, List<Slot>>of();
    var bookedByDoctor =
        liveInWeek(null, first, zone).stream()
            .collect(java.util.stream.Collectors.groupingBy(Appointment::doctorId));
    for (var doctor : calendar.doctors()) {
      var booked = bookedByDoctor.getOrDefault(doctor.userId(), List.of());
      var free = freeByDoctor.getOrDefault(doctor.userId(), List.of());
      var days = new ArrayList<long[]>();
      for (int i = 0; i < 7; i++) {
        var day = first.plusDays(i);
        days.add(
            new long[] {
              booked.stream()
                  .filter(a -> a.startsAt().atZone(zone).toLocalDate().equals(day))
                  .count(),
              free.stream().filter(f -> f.startsAt().atZone(zone).toLocalDate().equals(day)).count()
            });
      }
      rows.add(new DoctorWeek(doctor, days));
    }
    var dates = new ArrayList<LocalDate>();
    for (int i = 0; i < 7; i++) {
      dates.add(first.plusDays(i));
    }
    model.addAttribute("first", first);
    model.addAttribute("dates", dates);
    model.addAttribute("rows", rows);
    return "scheduling/clinic-week";
  }

  /**
   * The appointments of the week starting on {@code first}, canceled ones left out: of one doctor,
   * or of every doctor of the clinic for null.
   */
  private List<Appointment> liveInWeek(
      @Nullable UserId doctor, LocalDate first, java.time.ZoneId zone) {
    return calendar
        .between(
            doctor,
            first.atStartOfDay(zone).toInstant(),
            first.plusDays(7).atStartOfDay(zone).toInstant())
        .stream()
        .filter(a -> a.status() != AppointmentStatus.CANCELLED)
        .toList();
  }

  /** The week starts where the clinic's country starts it: Saturday in Egypt, Sunday in Mexico. */
  private static LocalDate firstOfWeek(Clinic clinic, @Nullable LocalDate date) {
    var firstDay =
        java.time.temporal.WeekFields.of(java.util.Locale.of("", clinic.country()))
            .getFirstDayOfWeek();
    return (date == null ? LocalDate.now(clinic.timezone()) : date)
        .with(java.time.temporal.TemporalAdjusters.previousOrSame(firstDay));
  }

  @PostMapping("/calendar/appointments/{id}/{change}")
  String change(
      @PathVariable UUID id,
      @PathVariable String change,
      @RequestParam(required = false) String reason,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      RedirectAttributes redirect) {
    permissions.require(Action.BOOKING);
    try {
      switch (change) {
        case "cancel" ->
            calendar.cancel(
                id, reason == null || reason.isBlank() ? "canceled at the desk" : reason);
        case "no-show" -> calendar.markNoShow(id);
        default -> throw new io.carebook.shared.NotFoundException("Page");
      }
    } catch (ProblemException e) {
      redirect.addFlashAttribute("problem", e.kind());
    }
    return "redirect:/calendar?date=" + date;
  }

  /**
   * Issue 19 (wainbox): the calendar, to book for the patient of an inbox conversation; the
   * quick-book form comes prefilled and the booking returns to {@code back}.
   */
  @GetMapping("/calendar/for")
  String bookFor(
      @RequestParam(defaultValue = "") String fullName,
      @RequestParam(defaultValue = "") String phone,
      @RequestParam String back,
      jakarta.servlet.http.HttpSession session) {
    permissions.require(Action.BOOKING);
    QuickBookFor.remember(session, fullName, phone, back);
    return "redirect:/calendar";
  }

  /**
   * Issue 19 (wainbox): stops booking for the inbox's patient and goes back to the conversation.
   */
  @PostMapping("/calendar/for/cancel")
  String stopBookingFor(jakarta.servlet.http.HttpSession session) {
    var back = QuickBookFor.returnAfterBooking(session);
    return "redirect:" + (back == null ? "/calendar" : back);
  }

  /**
   * Who may open the calendar: whoever sees patients, and (issue 19) whoever books, such as a
   * remote assistant who answers the inbox without the patient list.
   */
  private void requireCalendar() {
    if (!permissions.allows(Action.BOOKING)) {
      permissions.require(Action.PATIENT_VIEW);
    }
  }
}
