package io.carebook.frontdesk.web;

import io.carebook.frontdesk.FrontDesk;
import io.carebook.frontdesk.Priority;
import io.carebook.frontdesk.Transition;
import io.carebook.frontdesk.Visit;
import io.carebook.frontdesk.VisitLinks;
import io.carebook.patients.NewPatient;
import io.carebook.patients.PatientDirectory;
import io.carebook.scheduling.Calendar;
import io.carebook.shared.ProblemException;
import io.carebook.shared.UserId;
import io.carebook.shared.VisitState;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.AllowedWhenReadOnly;
import io.carebook.tenancy.Permissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The front desk page: today's queue of the active clinic grouped by state, a check-in form for
 * walk-ins (found or registered by name and phone), and per visit the steps the member may take. No
 * live updates yet: the page has a refresh link.
 */
@Controller
class DeskPages {

  private final FrontDesk frontDesk;
  private final Calendar calendar;
  private final PatientDirectory patients;
  private final Permissions permissions;
  private final Clock clock;
  private final List<VisitLinks> links;

  DeskPages(
      FrontDesk frontDesk,
      Calendar calendar,
      PatientDirectory patients,
      Permissions permissions,
      Clock clock,
      List<VisitLinks> links) {
    this.frontDesk = frontDesk;
    this.calendar = calendar;
    this.patients = patients;
    this.permissions = permissions;
    this.clock = clock;
    this.links = links;
  }

  /** A visit ready to show: who, with whom, minutes since check-in, and the member's steps. */
  record Row(
      Visit visit,
      String patient,
      String doctor,
      long minutes,
      List<Transition> steps,
      List<VisitLinks.Link> links) {}

  @GetMapping("/desk")
  String desk(@RequestParam(required = false) @Nullable String doctorId, Model model) {
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
    var now = clock.instant();
    var groups = new LinkedHashMap<String, List<Row>>();
    for (var state : List.of("WAITING", "WITH_ASSISTANT", "WITH_DOCTOR", "DONE", "CLOSED")) {
      groups.put(state, new java.util.ArrayList<>());
    }
    var visits = frontDesk.queue(doctor, true);
    var patientNames = patients.names(visits.stream().map(Visit::patientId).toList());
    for (var v : visits) {
      var steps =
          Arrays.stream(Transition.values())
              .filter(t -> t.leaves(v.state()) && permissions.allows(t.action(), v.state()))
              .toList();
      var row =
          new Row(
              v,
              patientNames.getOrDefault(v.patientId(), ""),
              v.doctorId() == null ? "" : names.getOrDefault(v.doctorId(), ""),
              Math.max(0, Duration.between(v.createdAt(), now).toMinutes()),
              steps,
              links.stream().flatMap(l -> l.of(v).stream()).toList());
      var key =
          v.state() == VisitState.CANCELED || v.state() == VisitState.NO_SHOW
              ? "CLOSED"
              : v.state().name();
      groups.get(key).add(row);
    }
    model.addAttribute("groups", groups);
    model.addAttribute("doctors", doctors);
    model.addAttribute("doctorId", doctor == null ? "" : doctor.value().toString());
    model.addAttribute("priorities", Priority.values());
    model.addAttribute("mayCheckIn", permissions.allows(Action.CHECK_IN));
    model.addAttribute("today", frontDesk.today());
    return "frontdesk/desk";
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

  @PostMapping("/desk/check-in")
  String checkIn(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
    try {
      var patientId = form.getOrDefault("patientId", "").strip();
      var name = form.getOrDefault("fullName", "").strip();
      if (name.isEmpty() && patientId.isEmpty()) {
        throw ProblemException.invalid("fullName", "is required");
      }
      var phone = form.getOrDefault("phone", "").strip();
      var doctorId = form.getOrDefault("doctorId", "").strip();
      var priority = Priority.valueOf(form.getOrDefault("priority", "NONE"));
      var visit =
          frontDesk.checkIn(
              new FrontDesk.WalkIn(
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
    return "redirect:/desk";
  }

  @PostMapping("/desk/visits/{id}/{step}")
  @AllowedWhenReadOnly // today's visits can be finished in a read-only clinic (checked inside)
  String move(
      @PathVariable UUID id,
      @PathVariable String step,
      @RequestParam(required = false) @Nullable String reason,
      @RequestParam(required = false) @Nullable String doctorId,
      RedirectAttributes redirect) {
    var back =
        doctorId == null || doctorId.isBlank()
            ? "redirect:/desk"
            : "redirect:/desk?doctorId=" + doctorId;
    var transition = Transition.ofPath(step);
    if (transition.isEmpty()) {
      redirect.addFlashAttribute("problem", "invalid-input");
      return back;
    }
    if (transition.get() == Transition.CANCEL && (reason == null || reason.isBlank())) {
      redirect.addFlashAttribute("reasonMissing", true);
      return back;
    }
    try {
      frontDesk.move(id, transition.get(), reason);
      redirect.addFlashAttribute("moved", transition.get().path());
    } catch (ProblemException e) {
      redirect.addFlashAttribute("problem", e.kind());
    }
    return back;
  }
}
