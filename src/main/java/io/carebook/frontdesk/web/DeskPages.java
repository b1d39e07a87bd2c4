package io.carebook.frontdesk.web;

import io.carebook.frontdesk.FrontDesk;
import io.carebook.frontdesk.Priority;
import io.carebook.frontdesk.Transition;
import io.carebook.frontdesk.Visit;
import io.carebook.frontdesk.VisitLinks;
import io.carebook.patients.NewPatient;
import io.carebook.patients.PatientDirectory;
import io.carebook.scheduling.Appointment;
import io.carebook.scheduling.Calendar;
import io.carebook.shared.ProblemException;
import io.carebook.shared.UserId;
import io.carebook.shared.VisitState;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.AllowedWhenReadOnly;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.Permissions;
import io.carebook.tenancy.TenantContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
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
 * The front desk page: today's queue of the active clinic grouped by state, a check-in form for
 * walk-ins (found or registered by name and phone), and per visit the steps the member may take.
 * The queue stays live: the page listens to {@code /desk/stream} and fetches its queue part again
 * (the same address with {@code HX-Request}) when the clinic's queue changes.
 */
@Controller
class DeskPages {

  private final FrontDesk frontDesk;
  private final Calendar calendar;
  private final PatientDirectory patients;
  private final Permissions permissions;
  private final LiveBoards boards;
  private final Organizations organizations;
  private final Clock clock;
  private final List<VisitLinks> links;

  DeskPages(
      FrontDesk frontDesk,
      Calendar calendar,
      PatientDirectory patients,
      Permissions permissions,
      LiveBoards boards,
      Organizations organizations,
      Clock clock,
      List<VisitLinks> links) {
    this.frontDesk = frontDesk;
    this.calendar = calendar;
    this.patients = patients;
    this.permissions = permissions;
    this.boards = boards;
    this.organizations = organizations;
    this.clock = clock;
    this.links = links;
  }

  /** A visit ready to show: who, with whom, minutes since check-in, and the member's steps. */
  record Row(
      Visit visit,
      String patient,
      String doctor,
      long minutes,
      @Nullable Long estimate,
      List<Transition> steps,
      List<VisitLinks.Link> links) {}

  /** A booked appointment of today whose patient has not arrived yet. */
  record Expected(Appointment appointment, String patient, String doctor) {}

  @GetMapping("/desk")
  String desk(@RequestParam(required = false) @Nullable String doctorId, Model model) {
    fill(doctorId, model);
    return "frontdesk/desk";
  }

  /**
   * The queue part of the desk page, which the page fetches when told the queue changed. An address
   * of its own: a fetch of the page's own address could take the message of a check-in just made
   * (Spring's flash attributes go to the next request for that address).
   */
  @GetMapping("/desk/queue")
  String queue(@RequestParam(required = false) @Nullable String doctorId, Model model) {
    fill(doctorId, model);
    return "frontdesk/desk :: queue";
  }

  private void fill(@Nullable String doctorId, Model model) {
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
    var expected = frontDesk.expected(doctor);
    var patientNames =
        patients.names(
            java.util.stream.Stream.concat(
                    visits.stream().map(Visit::patientId),
                    expected.stream().map(Appointment::patientId))
                .toList());
    // the whole day's visits are at hand unless one doctor's queue was asked for
    var estimates = doctor == null ? frontDesk.estimatedWaits(visits) : frontDesk.estimatedWaits();
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
              estimates.containsKey(v.id()) ? estimates.get(v.id()).toMinutes() : null,
              steps,
              links.stream().flatMap(l -> l.of(v).stream()).toList());
      var key =
          v.state() == VisitState.CANCELED || v.state() == VisitState.NO_SHOW
              ? "CLOSED"
              : v.state().name();
      groups.get(key).add(row);
    }
    model.addAttribute("groups", groups);
    model.addAttribute(
        "expected",
        expected.stream()
            .map(
                a ->
                    new Expected(
                        a,
                        patientNames.getOrDefault(a.patientId(), ""),
                        names.getOrDefault(a.doctorId().value(), "")))
            .toList());
    model.addAttribute("zone", organizations.activeClinic().timezone());
    model.addAttribute("doctors", doctors);
    model.addAttribute("doctorId", doctor == null ? "" : doctor.value().toString());
    model.addAttribute("priorities", Priority.values());
    model.addAttribute("mayCheckIn", permissions.allows(Action.CHECK_IN));
    model.addAttribute("today", frontDesk.today());
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
  record Candidate(String id, String fullName, String phone, String mrn)
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
          return "redirect:/desk";
        }
      }
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
      RedirectAttributes redirect) {
    try {
      var visit = frontDesk.checkIn(id, Priority.valueOf(priority));
      redirect.addFlashAttribute("issued", visit.token());
    } catch (IllegalArgumentException e) {
      redirect.addFlashAttribute("problem", "invalid-input");
    } catch (ProblemException e) {
      redirect.addFlashAttribute("problem", e.kind());
    }
    return doctorId == null || doctorId.isBlank()
        ? "redirect:/desk"
        : "redirect:/desk?doctorId=" + doctorId;
  }

  @PostMapping("/desk/visits/{id}/{step}")
  @AllowedWhenReadOnly // today's visits can be finished in a read-only clinic (checked inside)
  String move(
      @PathVariable UUID id,
      @PathVariable String step,
      @RequestParam(required = false) @Nullable String reason,
      @RequestParam(required = false) @Nullable String doctorId,
      @RequestParam(required = false) @Nullable String back,
      RedirectAttributes redirect) {
    var page = "doctor".equals(back) ? "redirect:/desk/doctor" : "redirect:/desk";
    var backTo = doctorId == null || doctorId.isBlank() ? page : page + "?doctorId=" + doctorId;
    var transition = Transition.ofPath(step);
    if (transition.isEmpty()) {
      redirect.addFlashAttribute("problem", "invalid-input");
      return backTo;
    }
    if (transition.get() == Transition.CANCEL && (reason == null || reason.isBlank())) {
      redirect.addFlashAttribute("reasonMissing", true);
      return backTo;
    }
    try {
      frontDesk.move(id, transition.get(), reason);
      redirect.addFlashAttribute("moved", transition.get().path());
    } catch (ProblemException e) {
      redirect.addFlashAttribute("problem", e.kind());
    }
    return backTo;
  }
}
