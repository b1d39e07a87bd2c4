package io.carebook.frontdesk.web;

import io.carebook.frontdesk.CheckIn;
import io.carebook.frontdesk.DeskBoard;
import io.carebook.frontdesk.FinishesTodaysVisits;
import io.carebook.frontdesk.Priority;
import io.carebook.frontdesk.Transition;
import io.carebook.frontdesk.Visit;
import io.carebook.frontdesk.VisitMoves;
import io.carebook.patients.NewPatient;
import io.carebook.patients.PatientDirectory;
import io.carebook.scheduling.Appointment;
import io.carebook.scheduling.Scheduling;
import io.carebook.shared.ProblemException;
import io.carebook.shared.UserId;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.Permissions;
import io.carebook.tenancy.TenantContext;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The front desk page: today's queue of the active clinic as a board of columns, by state or by
 * doctor ({@code view=doctor}, kept in the address), each visit a card with the steps the member
 * may take; beside it the booked patients still expected in time order, late ones flagged, each
 * checked in with one click; and a form to find or register a walk-in. The queue stays live: the
 * page listens to {@code /desk/stream} and fetches its queue part again (the same address with
 * {@code HX-Request}) when the clinic's queue changes.
 */
@Controller
class DeskPages {

  private final CheckIn checkIn;
  private final VisitMoves moves;
  private final DeskBoard deskBoard;
  private final Scheduling calendar;
  private final PatientDirectory patients;
  private final Permissions permissions;
  private final LiveBoards boards;
  private final Organizations organizations;
  private final QueueModel queueModel;

  DeskPages(
      CheckIn checkIn,
      VisitMoves moves,
      DeskBoard deskBoard,
      Scheduling calendar,
      PatientDirectory patients,
      Permissions permissions,
      LiveBoards boards,
      Organizations organizations,
      QueueModel queueModel) {
    this.checkIn = checkIn;
    this.moves = moves;
    this.deskBoard = deskBoard;
    this.calendar = calendar;
    this.patients = patients;
    this.permissions = permissions;
    this.boards = boards;
    this.organizations = organizations;
    this.queueModel = queueModel;
  }

  /** A visit ready to show: who, with whom, minutes since check-in, and the member's steps. */
  record Row(QueueModel.Entry entry, String doctor, List<Transition> steps)
      implements QueueModel.Line {

    /** Whether the member may take the step of this path ({@code cancel}, say). */
    public boolean may(String path) {
      return steps.stream().anyMatch(s -> s.path().equals(path));
    }
  }

  /**
   * A column of the board: a state's name (by state), or a doctor's id and name or {@link
   * DeskBoard#ANY_DOCTOR} (by doctor).
   */
  record Lane(String key, @Nullable String doctor, List<Row> rows) {}

  /** A booked appointment of today whose patient has not arrived yet, late by some minutes. */
  record Expected(Appointment appointment, String patient, String doctor, long lateMinutes) {}

  @GetMapping("/desk")
  String desk(
      @RequestParam(required = false) @Nullable String doctorId,
      @RequestParam(required = false) @Nullable String view,
      Model model) {
    fill(doctorId, view, model);
    return "frontdesk/desk";
  }

  /**
   * The queue part of the desk page, which the page fetches when told the queue changed. An address
   * of its own: a fetch of the page's own address could take the message of a check-in just made
   * (Spring's flash attributes go to the next request for that address).
   */
  @GetMapping("/desk/queue")
  String queue(
      @RequestParam(required = false) @Nullable String doctorId,
      @RequestParam(required = false) @Nullable String view,
      Model model) {
    fill(doctorId, view, model);
    return "frontdesk/desk :: queue";
  }

  private void fill(@Nullable String doctorId, @Nullable String view, Model model) {
    permissions.require(Action.PATIENT_VIEW);
    var doctors = calendar.doctors();
    var names =
        doctors.stream()
            .collect(Collectors.toMap(d -> d.userId().value(), d -> d.name(), (a, b) -> a));
    UserId doctor = null;
    if (doctorId != null && !doctorId.isBlank()) {
      try {
        doctor = new UserId(UUID.fromString(doctorId));
      } catch (IllegalArgumentException e) {
        doctor = null;
      }
    }
    var cut = "doctor".equals(view) ? DeskBoard.View.DOCTOR : DeskBoard.View.STATE;
    var board = deskBoard.board(doctor, cut);
    var queue =
        queueModel.queue(
            Stream.concat(
                    board.columns().stream().flatMap(c -> c.visits().stream()),
                    board.closed().stream())
                .toList(),
            board.arrivals().stream().map(a -> a.appointment().patientId()),
            board.waits());
    Function<Visit, Row> row =
        v ->
            new Row(
                queue.entry(v),
                v.doctorId() == null ? "" : names.getOrDefault(v.doctorId(), ""),
                Arrays.stream(Transition.values())
                    .filter(t -> t.leaves(v.state()) && permissions.allows(t.action(), v.state()))
                    .toList());
    model.addAttribute(
        "lanes",
        board.columns().stream()
            .map(
                c ->
                    new Lane(
                        c.key(),
                        cut == DeskBoard.View.DOCTOR && !DeskBoard.ANY_DOCTOR.equals(c.key())
                            ? names.getOrDefault(UUID.fromString(c.key()), "")
                            : null,
                        c.visits().stream().map(row).toList()))
            .toList());
    model.addAttribute("closed", board.closed().stream().map(row).toList());
    model.addAttribute("estimated", !board.waits().isEmpty());
    model.addAttribute(
        "expected",
        board.arrivals().stream()
            .map(
                a ->
                    new Expected(
                        a.appointment(),
                        queue.patient(a.appointment().patientId()),
                        names.getOrDefault(a.appointment().doctorId().value(), ""),
                        a.lateMinutes()))
            .toList());
    model.addAttribute("view", cut == DeskBoard.View.DOCTOR ? "doctor" : "state");
    model.addAttribute("zone", organizations.activeClinic().timezone());
    model.addAttribute("doctors", doctors);
    model.addAttribute("doctorId", doctor == null ? "" : doctor.value().toString());
    model.addAttribute("priorities", Priority.values());
    model.addAttribute("mayCheckIn", permissions.allows(Action.CHECK_IN));
    model.addAttribute("today", board.day());
  }

  /** Tells the open desk page when the clinic's queue changed, so it fetches it again. */
  @GetMapping(path = "/desk/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter stream() {
    permissions.require(Action.PATIENT_VIEW);
    return boards.open(TenantContext.clinic());
  }

  /** Patients matching what the desk types in the name or phone field, to check one in. */
  @GetMapping("/desk/patients")
  String matches(
      @RequestParam(defaultValue = "") String fullName,
      @RequestParam(defaultValue = "") String phone,
      Model model) {
    permissions.require(Action.PATIENT_VIEW);
    var query = phone.strip().length() >= 3 ? phone.strip() : fullName.strip();
    model.addAttribute(
        "matches", query.length() < 2 ? List.of() : patients.search(query, 5, null).items());
    return "frontdesk/desk :: matches";
  }

  /** A registered patient who may be the one being checked in (kept in the session briefly). */
  record Candidate(String id, String fullName, String phone, @Nullable String mrn)
      implements java.io.Serializable {}

  @PostMapping("/desk/check-in")
  String checkIn(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
    try {
      var patientId = form.getOrDefault("patientId", "").strip();
      var name = form.getOrDefault("fullName", "").strip();
      if (name.isEmpty() && patientId.isEmpty()) {
        throw ProblemException.invalid("fullName", "is required");
      }
      var phone = form.getOrDefault("phone", "").strip();
      if (patientId.isEmpty() && !"true".equals(form.get("confirmNew"))) {
        var candidates = possibleDuplicates(name, phone);
        if (!candidates.isEmpty()) {
          redirect.addFlashAttribute("candidates", candidates);
          redirect.addFlashAttribute("typed", new java.util.HashMap<>(form));
          return backToDesk(null, form.get("view"));
        }
      }
      var doctorId = form.getOrDefault("doctorId", "").strip();
      var priority = Priority.valueOf(form.getOrDefault("priority", "NONE"));
      var visit =
          checkIn.checkIn(
              new CheckIn.WalkIn(
                  patientId.isEmpty() ? null : UUID.fromString(patientId),
                  patientId.isEmpty()
                      ? new NewPatient(name, phone.isEmpty() ? null : phone, null, null)
                      : null,
                  doctorId.isEmpty() ? null : new UserId(UUID.fromString(doctorId)),
                  priority));
      redirect.addFlashAttribute("issued", visit.token());
    } catch (IllegalArgumentException e) {
      redirect.addFlashAttribute("problem", "invalid-input");
    } catch (ProblemException e) {
      redirect.addFlashAttribute("problem", e.kind());
    }
    return backToDesk(null, form.get("view"));
  }

  /**
   * Registered patients who may be the person typed in — names alike, or the same phone — unless
   * one of them is that person by the duplicate rule (same name and phone), who is simply found.
   */
  private List<Candidate> possibleDuplicates(String name, String phone) {
    var alike = new LinkedHashMap<UUID, io.carebook.patients.Patient>();
    patients.similar(name, null).forEach(p -> alike.put(p.id().value(), p));
    var phoneMates =
        phone.isEmpty() ? List.<io.carebook.patients.Patient>of() : patients.sharingPhone(phone);
    phoneMates.forEach(p -> alike.put(p.id().value(), p));
    var normalized = io.carebook.patients.PersonName.normalize(name);
    var same =
        phoneMates.stream()
            .anyMatch(
                p -> io.carebook.patients.PersonName.normalize(p.fullName()).equals(normalized));
    if (same) {
      return List.of();
    }
    return alike.values().stream()
        .map(
            p ->
                new Candidate(
                    p.id().value().toString(),
                    p.fullName(),
                    p.phone() == null ? "" : p.phone().e164(),
                    p.medicalRecordNumber()))
        .toList();
  }

  /** The patient of a booked appointment has arrived: checked in with the day's token. */
  @PostMapping("/desk/appointments/{id}/check-in")
  String arrived(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "NONE") String priority,
      @RequestParam(required = false) @Nullable String doctorId,
      @RequestParam(required = false) @Nullable String view,
      RedirectAttributes redirect) {
    try {
      var visit = checkIn.checkIn(id, Priority.valueOf(priority));
      redirect.addFlashAttribute("issued", visit.token());
    } catch (IllegalArgumentException e) {
      redirect.addFlashAttribute("problem", "invalid-input");
    } catch (ProblemException e) {
      redirect.addFlashAttribute("problem", e.kind());
    }
    return backToDesk(doctorId, view);
  }

  /** The desk page as it was: the doctor whose queue it showed and how its columns were cut. */
  private static String backToDesk(@Nullable String doctorId, @Nullable String view) {
    var query = new java.util.ArrayList<String>();
    if (doctorId != null && !doctorId.isBlank()) {
      try {
        query.add("doctorId=" + UUID.fromString(doctorId.strip()));
      } catch (IllegalArgumentException e) {
        // not an id: the whole clinic's queue
      }
    }
    if ("doctor".equals(view)) {
      query.add("view=doctor");
    }
    return "redirect:/desk" + (query.isEmpty() ? "" : "?" + String.join("&", query));
  }

  @PostMapping("/desk/visits/{id}/{step}")
  @FinishesTodaysVisits
  String move(
      @PathVariable UUID id,
      @PathVariable String step,
      @RequestParam(required = false) @Nullable String reason,
      @RequestParam(required = false) @Nullable String doctorId,
      @RequestParam(required = false) @Nullable String back,
      @RequestParam(required = false) @Nullable String view,
      RedirectAttributes redirect) {
    var backTo =
        "doctor".equals(back)
            ? (doctorId == null || doctorId.isBlank()
                ? "redirect:/desk/doctor"
                : "redirect:/desk/doctor?doctorId=" + doctorId)
            : backToDesk(doctorId, view);
    var transition = Transition.ofPath(step);
    if (transition.isEmpty()) {
      redirect.addFlashAttribute("problem", "invalid-input");
      return backTo;
    }
    if (transition.get() == Transition.CANCEL && (reason == null || reason.isBlank())) {
      redirect.addFlashAttribute("reasonMissing", id.toString()); // its cancel form opens again
      return backTo;
    }
    try {
      moves.move(id, transition.get(), reason);
      redirect.addFlashAttribute("moved", transition.get().path());
    } catch (ProblemException e) {
      redirect.addFlashAttribute("problem", e.kind());
    }
    return backTo;
  }
}
