package io.carebook.scheduling.web;

import io.carebook.scheduling.OnlineBooking;
import io.carebook.scheduling.OnlineWaitlist;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.ProblemException;
import io.carebook.shared.UserId;
import io.carebook.tenancy.AllowedWhenReadOnly;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public page's way onto the waitlist, when no free time suits the patient: a doctor, the
 * service type, a window of days, a name and a phone; confirmed with the code sent to that phone.
 */
@Controller
@AllowedWhenReadOnly
class PublicWaitlistPages {

  private final OnlineBooking booking;
  private final OnlineWaitlist waitlist;
  private final io.carebook.scheduling.PublicCodes codes;

  PublicWaitlistPages(
      OnlineBooking booking, OnlineWaitlist waitlist, io.carebook.scheduling.PublicCodes codes) {
    this.booking = booking;
    this.waitlist = waitlist;
    this.codes = codes;
  }

  @GetMapping("/book/{slug}/waitlist")
  String form(
      @PathVariable String slug,
      @RequestParam UUID doctorId,
      @RequestParam(defaultValue = "") String service,
      Model model) {
    var page = page(slug, doctorId, service, model);
    var today = LocalDate.now(page.clinic().timezone());
    return formPage(model, Map.of("firstDay", today.plusDays(1), "lastDay", today.plusDays(7)));
  }

  @PostMapping("/book/{slug}/waitlist")
  String request(
      @PathVariable String slug,
      @RequestParam UUID doctorId,
      @RequestParam(defaultValue = "") String serviceType,
      @RequestParam Map<String, String> form,
      HttpServletRequest http,
      Model model) {
    try {
      var id =
          waitlist.request(
              slug,
              new UserId(doctorId),
              serviceType,
              day(form, "firstDay"),
              day(form, "lastDay"),
              form.getOrDefault("fullName", ""),
              form.getOrDefault("phone", ""),
              http.getRemoteAddr());
      return "redirect:/book/" + slug + "/waitlist/" + id;
    } catch (ProblemException e) {
      page(slug, doctorId, serviceType, model);
      model.addAttribute("problem", e.kind());
      model.addAttribute("invalid", e.errors().stream().map(f -> f.field()).toList());
      return formPage(model, form);
    }
  }

  @GetMapping("/book/{slug}/waitlist/{id}")
  String code(@PathVariable String slug, @PathVariable UUID id, Model model) {
    model.addAttribute("waitlist", true);
    return PublicCodePages.codePage(codes, slug, id, "WAITLIST", model);
  }

  /** Sends the waitlist code again, once the delay has passed; see {@link PublicCodePages}. */
  @PostMapping("/book/{slug}/waitlist/{id}/resend")
  String resend(
      @PathVariable String slug,
      @PathVariable UUID id,
      HttpServletRequest http,
      jakarta.servlet.http.HttpServletResponse response,
      Model model) {
    return PublicCodePages.resendAndShow(codes, slug, id, "WAITLIST", http, response, model);
  }

  @PostMapping("/book/{slug}/waitlist/{id}")
  String confirm(
      @PathVariable String slug,
      @PathVariable UUID id,
      @RequestParam String code,
      HttpServletRequest http,
      jakarta.servlet.http.HttpServletResponse response,
      Model model) {
    try {
      var entry = waitlist.confirm(slug, id, code, http.getRemoteAddr());
      var page = page(slug, entry.doctorId().value(), entry.serviceType(), model);
      var zone = page.clinic().timezone();
      model.addAttribute("firstDay", entry.windowFrom().atZone(zone).toLocalDate());
      model.addAttribute("lastDay", entry.windowTo().atZone(zone).toLocalDate().minusDays(1));
      return "scheduling/public-waitlisted";
    } catch (ProblemException e) {
      response.setStatus(e.status().value()); // a wrong or refused code is no success
      model.addAttribute("problem", e.kind());
      return code(slug, id, model);
    }
  }

  /** The clinic, the doctor and the service type the patient waits for; 404 for any unknown. */
  private OnlineBooking.Page page(String slug, UUID doctorId, String service, Model model) {
    var page = booking.page(slug, service, 1);
    var doctor =
        page.doctors().stream()
            .filter(d -> d.doctorId().value().equals(doctorId))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("Doctor"));
    model.addAttribute("slug", slug);
    model.addAttribute("clinic", page.clinic());
    model.addAttribute("doctor", doctor);
    model.addAttribute("serviceType", page.serviceType());
    model.addAttribute("hasTypes", !page.serviceTypes().isEmpty());
    return page;
  }

  private static String formPage(Model model, Map<String, ?> values) {
    model.addAttribute("values", values);
    if (!model.containsAttribute("invalid")) {
      model.addAttribute("invalid", List.of());
    }
    return "scheduling/public-waitlist";
  }

  private static LocalDate day(Map<String, String> form, String field) {
    try {
      return LocalDate.parse(form.getOrDefault(field, "").strip());
    } catch (DateTimeParseException e) {
      throw ProblemException.invalid(field, "is not a date");
    }
  }
}
