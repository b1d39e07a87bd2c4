package io.carebook.scheduling.web;

import io.carebook.scheduling.ManageLinks;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.ProblemException;
import io.carebook.tenancy.AllowedWhenReadOnly;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The patient's private page of their booking, behind the link they received (the confirmation page
 * right after booking): who with, where and when; add it to their calendar; move it to another free
 * time or cancel it, each confirmed first.
 */
@Controller
@AllowedWhenReadOnly
class PublicManagePages {

  private static final DateTimeFormatter GOOGLE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final ManageLinks links;
  private final String baseUrl;

  PublicManagePages(
      ManageLinks links, @Value("${carebook.base-url:http://localhost:8080}") String baseUrl) {
    this.links = links;
    this.baseUrl = baseUrl;
  }

  @GetMapping("/book/manage/{token}")
  String manage(@PathVariable String token, Model model) {
    return managePage(managed(token), token, model);
  }

  private ManageLinks.Managed managed(String token) {
    return links.managed(token).orElseThrow(() -> new NotFoundException("Booking"));
  }

  private String managePage(ManageLinks.Managed managed, String token, Model model) {
    var zone = managed.clinic().timezone();
    model.addAttribute("appointment", managed.appointment());
    model.addAttribute("clinic", managed.clinic());
    model.addAttribute("doctorName", managed.doctorName());
    model.addAttribute("doctorSpecialty", managed.doctorSpecialty());
    model.addAttribute(
        "initials", managed.doctorName() == null ? null : Initials.of(managed.doctorName()));
    model.addAttribute("starts", managed.appointment().startsAt().atZone(zone));
    model.addAttribute("days", PublicBookingPages.days(managed.freeTimes(), zone));
    model.addAttribute("token", token);
    model.addAttribute("googleCalendar", googleCalendar(managed, token));
    return "scheduling/public-manage";
  }

  /** A link that opens the booking as a new event in Google Calendar, filled in. */
  private String googleCalendar(ManageLinks.Managed managed, String token) {
    var appointment = managed.appointment();
    var link =
        UriComponentsBuilder.fromUriString("https://calendar.google.com/calendar/render")
            .queryParam("action", "TEMPLATE")
            .queryParam(
                "text",
                managed.doctorName() == null
                    ? managed.clinic().name()
                    : managed.clinic().name() + " · " + managed.doctorName())
            .queryParam(
                "dates",
                GOOGLE.format(appointment.startsAt()) + "/" + GOOGLE.format(appointment.endsAt()))
            .queryParam("details", baseUrl + "/book/manage/" + token);
    if (managed.clinic().address() != null) {
      link.queryParam("location", managed.clinic().address());
    }
    return link.encode(StandardCharsets.UTF_8).build().toUriString();
  }

  /** The booking as an iCalendar file, to add it to the patient's own calendar. */
  @GetMapping(value = "/book/manage/{token}/appointment.ics", produces = "text/calendar")
  @ResponseBody
  ResponseEntity<String> calendarFile(@PathVariable String token) {
    var ics = links.calendarFile(token).orElseThrow(() -> new NotFoundException("Booking"));
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
        .header("Content-Disposition", "attachment; filename=\"appointment.ics\"")
        .header("Cache-Control", "private, no-store")
        .body(ics);
  }

  /**
   * The patient chose another time: the manage page asks them to confirm the move, saying from
   * which time to which; nothing changes until they do. A time no longer free asks them to choose
   * again.
   */
  @GetMapping("/book/manage/{token}/move")
  String confirmMove(@PathVariable String token, @RequestParam Instant startsAt, Model model) {
    var managed = managed(token);
    if (managed.freeTimes().stream().anyMatch(s -> s.startsAt().equals(startsAt))) {
      model.addAttribute("moveTo", startsAt.atZone(managed.clinic().timezone()));
    } else {
      model.addAttribute("problem", "slot-taken");
    }
    return managePage(managed, token, model);
  }

  @PostMapping("/book/manage/{token}/cancel")
  String cancel(@PathVariable String token) {
    links.cancelByPatient(token);
    return "redirect:/book/manage/" + token;
  }

  @PostMapping("/book/manage/{token}/reschedule")
  String reschedule(@PathVariable String token, @RequestParam Instant startsAt, Model model) {
    try {
      links.rescheduleByPatient(token, startsAt);
      return "redirect:/book/manage/" + token + "?moved";
    } catch (ProblemException e) {
      model.addAttribute("problem", e.kind());
      return manage(token, model);
    }
  }
}
