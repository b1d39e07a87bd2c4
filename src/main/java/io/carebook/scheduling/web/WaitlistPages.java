package io.carebook.scheduling.web;

import io.carebook.patients.NewPatient;
import io.carebook.patients.PatientDirectory;
import io.carebook.scheduling.Scheduling;
import io.carebook.scheduling.ServiceTypes;
import io.carebook.scheduling.Waitlist;
import io.carebook.shared.ProblemException;
import io.carebook.shared.UserId;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.Permissions;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The clinic's waitlist at the desk: who waits for which doctor and when, the offers they hold, and
 * a short form to put a patient in line.
 */
@Controller
class WaitlistPages {

  private final Waitlist waitlist;
  private final ServiceTypes serviceTypes;
  private final Scheduling calendar;
  private final PatientDirectory patients;
  private final Organizations organizations;
  private final Permissions permissions;

  WaitlistPages(
      Waitlist waitlist,
      ServiceTypes serviceTypes,
      Scheduling calendar,
      PatientDirectory patients,
      Organizations organizations,
      Permissions permissions) {
    this.waitlist = waitlist;
    this.serviceTypes = serviceTypes;
    this.calendar = calendar;
    this.patients = patients;
    this.organizations = organizations;
    this.permissions = permissions;
  }

  /** A line of the list, ready to show. */
  record Row(Waitlist.Entry entry, String patient, String doctor) {}

  @GetMapping("/calendar/waitlist")
  String list(Model model) {
    permissions.require(Action.BOOKING);
    var doctors =
        calendar.doctors().stream()
            .collect(Collectors.toMap(d -> d.userId(), d -> d.name(), (a, b) -> a));
    var entries = waitlist.ofActiveClinic();
    var names = patients.names(entries.stream().map(Waitlist.Entry::patientId).toList());
    model.addAttribute(
        "rows",
        entries.stream()
            .map(
                e ->
                    new Row(
                        e,
                        names.getOrDefault(e.patientId(), ""),
                        doctors.getOrDefault(e.doctorId(), "")))
            .toList());
    model.addAttribute("doctors", calendar.doctors());
    model.addAttribute("serviceTypes", serviceTypes.offered());
    model.addAttribute("zone", organizations.activeClinic().timezone());
    model.addAttribute("today", LocalDate.now(organizations.activeClinic().timezone()));
    return "scheduling/waitlist";
  }

  @PostMapping("/calendar/waitlist")
  String join(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
    permissions.require(Action.BOOKING);
    var zone = organizations.activeClinic().timezone();
    try {
      var day = LocalDate.parse(form.getOrDefault("date", ""));
      var from = day.atTime(LocalTime.parse(form.getOrDefault("from", ""))).atZone(zone);
      var to = day.atTime(LocalTime.parse(form.getOrDefault("to", ""))).atZone(zone);
      var name = form.getOrDefault("fullName", "").strip();
      if (name.isEmpty()) {
        throw ProblemException.invalid("fullName", "is required");
      }
      var phone = form.getOrDefault("phone", "").strip();
      var serviceType = form.getOrDefault("serviceType", "");
      if (!serviceTypes.isOffered(serviceType)) {
        throw ProblemException.invalid("serviceType", "is not offered");
      }
      waitlist.join(
          new UserId(UUID.fromString(form.getOrDefault("doctorId", ""))),
          serviceType,
          null,
          new NewPatient(name, phone.isEmpty() ? null : phone, null, null),
          from.toInstant(),
          to.toInstant());
    } catch (DateTimeParseException | IllegalArgumentException e) {
      redirect.addFlashAttribute("problem", "invalid-input");
      return "redirect:/calendar/waitlist";
    } catch (ProblemException e) {
      redirect.addFlashAttribute("problem", e.kind());
      return "redirect:/calendar/waitlist";
    }
    redirect.addFlashAttribute("joined", true);
    return "redirect:/calendar/waitlist";
  }

  @PostMapping("/calendar/waitlist/{id}/accept")
  String accept(@PathVariable UUID id, RedirectAttributes redirect) {
    permissions.require(Action.BOOKING);
    try {
      waitlist.accept(id);
      redirect.addFlashAttribute("accepted", true);
    } catch (ProblemException e) {
      redirect.addFlashAttribute("problem", e.kind());
    }
    return "redirect:/calendar/waitlist";
  }
}
