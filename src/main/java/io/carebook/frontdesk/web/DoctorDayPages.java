package io.carebook.frontdesk.web;

import io.carebook.frontdesk.DeskBoard;
import io.carebook.frontdesk.FinishesTodaysVisits;
import io.carebook.frontdesk.Visit;
import io.carebook.frontdesk.VisitLinks;
import io.carebook.frontdesk.VisitMoves;
import io.carebook.scheduling.Appointment;
import io.carebook.scheduling.Scheduling;
import io.carebook.shared.ProblemException;
import io.carebook.shared.UserId;
import io.carebook.shared.VisitState;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.Permissions;
import io.carebook.tenancy.TenantContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The doctor's day: who is in the room, each linked straight to their encounter (the links other
 * modules give a visit, see {@link VisitLinks}), one button that calls the next patient in, the
 * queue (walk-ins and arrived appointments, in queue order, with estimated waits), and the booked
 * patients still expected. A doctor sees their own day; other members choose the doctor. Live like
 * the desk page.
 */
@Controller
class DoctorDayPages {

  private final VisitMoves moves;
  private final DeskBoard deskBoard;
  private final Scheduling calendar;
  private final QueueModel queueModel;
  private final Organizations organizations;
  private final Permissions permissions;

  DoctorDayPages(
      VisitMoves moves,
      DeskBoard deskBoard,
      Scheduling calendar,
      QueueModel queueModel,
      Organizations organizations,
      Permissions permissions) {
    this.moves = moves;
    this.deskBoard = deskBoard;
    this.calendar = calendar;
    this.queueModel = queueModel;
    this.organizations = organizations;
    this.permissions = permissions;
  }

  /**
   * A visit of the doctor's day: who, since when (check-in, and called in if so), how long still,
   * when booked if so, and the pages of other modules it links to (its encounter, say).
   */
  record Line(QueueModel.Entry entry, @Nullable Long inRoomMinutes, @Nullable Instant bookedAt)
      implements QueueModel.Line {}

  @GetMapping("/desk/doctor")
  String day(@RequestParam(required = false) @Nullable String doctorId, Model model) {
    fill(doctorId, model);
    return "frontdesk/doctor";
  }

  /** The live part of the page, at an address of its own (see DeskPages#queue). */
  @GetMapping("/desk/doctor/day")
  String part(@RequestParam(required = false) @Nullable String doctorId, Model model) {
    fill(doctorId, model);
    return "frontdesk/doctor :: day";
  }

  private void fill(@Nullable String doctorId, Model model) {
    permissions.require(Action.PATIENT_VIEW);
    var doctors = calendar.doctors();
    var doctor = chosen(doctorId, doctors.stream().map(d -> d.userId()).toList());
    model.addAttribute("doctors", doctors);
    model.addAttribute("doctorId", doctor == null ? "" : doctor.value().toString());
    model.addAttribute("today", deskBoard.today());
    if (doctor != null) {
      fill(model, doctor);
    }
  }

  @PostMapping("/desk/doctor/call-next")
  @FinishesTodaysVisits
  String callNext(@RequestParam String doctorId, RedirectAttributes redirect) {
    try {
      var visit = moves.callNext(new UserId(UUID.fromString(doctorId)));
      redirect.addFlashAttribute("called", visit.token());
    } catch (IllegalArgumentException e) {
      redirect.addFlashAttribute("problem", "invalid-input");
    } catch (ProblemException e) {
      redirect.addFlashAttribute("problem", e.kind());
    }
    return "redirect:/desk/doctor?doctorId=" + doctorId;
  }

  private void fill(Model model, UserId doctor) {
    var all = deskBoard.queue(null, true);
    var mine =
        all.stream()
            .filter(v -> doctor.value().equals(v.doctorId()) || v.doctorId() == null)
            .toList();
    var appointments = deskBoard.appointmentsToday(doctor);
    var expected =
        appointments.stream()
            .filter(a -> a.status() == io.carebook.scheduling.AppointmentStatus.BOOKED)
            .toList();
    var booked =
        appointments.stream()
            .collect(Collectors.toMap(Appointment::id, Appointment::startsAt, (a, b) -> a));
    var queue =
        queueModel.queue(
            mine, expected.stream().map(Appointment::patientId), deskBoard.estimatedWaits(all));
    Function<Visit, Line> line =
        v ->
            new Line(
                queue.entry(v),
                v.withDoctorAt() == null ? null : queue.minutesSince(v.withDoctorAt()),
                v.appointmentId() == null ? null : booked.get(v.appointmentId()));
    model.addAttribute(
        "inRoom",
        mine.stream()
            .filter(v -> v.state() == VisitState.WITH_DOCTOR && v.doctorId() != null)
            .map(line)
            .toList());
    model.addAttribute(
        "queue",
        mine.stream()
            .filter(v -> v.state() == VisitState.WAITING || v.state() == VisitState.WITH_ASSISTANT)
            .map(line)
            .toList());
    model.addAttribute(
        "expected",
        expected.stream().map(a -> Map.entry(a, queue.patient(a.patientId()))).toList());
    model.addAttribute(
        "done",
        mine.stream()
            .filter(v -> v.state() == VisitState.DONE && doctor.value().equals(v.doctorId()))
            .count());
    model.addAttribute(
        "mayCall",
        permissions.allows(Action.VISIT_START_DOCTOR, VisitState.WAITING)
            || permissions.allows(Action.VISIT_START_DOCTOR, VisitState.WITH_ASSISTANT));
    model.addAttribute(
        "mayComplete", permissions.allows(Action.VISIT_COMPLETE, VisitState.WITH_DOCTOR));
    model.addAttribute("zone", organizations.activeClinic().timezone());
  }

  /** The doctor asked for, else the signed-in member when a doctor here, else the only doctor. */
  private static @Nullable UserId chosen(@Nullable String asked, List<UserId> doctors) {
    if (asked != null && !asked.isBlank()) {
      try {
        var id = new UserId(UUID.fromString(asked));
        if (doctors.contains(id)) {
          return id;
        }
      } catch (IllegalArgumentException e) {
        // not an id: choose as if none was asked for
      }
    }
    var me = TenantContext.current().map(TenantContext.Scope::user).orElse(null);
    if (me != null && doctors.contains(me)) {
      return me;
    }
    return doctors.size() == 1 ? doctors.getFirst() : null;
  }
}
