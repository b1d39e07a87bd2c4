package io.carebook.scheduling.web;

import io.carebook.scheduling.OnlineBooking;
import io.carebook.shared.ProblemException;
import io.carebook.shared.UserId;
import io.carebook.tenancy.AllowedWhenReadOnly;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A clinic's public booking page (no sign-in; works on a phone): pick a doctor and a time, give a
 * name and a phone, confirm with the code sent to it; then a private link to cancel.
 */
@Controller
@AllowedWhenReadOnly
class PublicBookingPages {

  private final OnlineBooking booking;
  private final MessageSource messages;

  PublicBookingPages(OnlineBooking booking, MessageSource messages) {
    this.booking = booking;
    this.messages = messages;
  }

  /** A doctor's free times, day by day, in the clinic's local time. */
  record Day(LocalDate date, List<Map.Entry<String, Instant>> times) {}

  /**
   * The clinic's page. When it offers service types besides the standard visit, the patient picks
   * one first ({@code service}; empty for the standard visit), and the times shown follow its
   * rules.
   */
  @GetMapping("/book/{slug}")
  String page(
      @PathVariable String slug,
      @RequestParam(required = false) @Nullable String service,
      Model model) {
    return render(slug, booking.page(slug, service == null ? "" : service, 7), service, model);
  }

  /** One doctor's own booking page, to share or link from their profile. */
  @GetMapping("/book/{slug}/doctors/{doctorId}")
  String doctorPage(
      @PathVariable String slug,
      @PathVariable UUID doctorId,
      @RequestParam(required = false) @Nullable String service,
      Model model) {
    var page = booking.page(slug, service == null ? "" : service, 14);
    var doctors =
        page.doctors().stream().filter(d -> d.doctorId().value().equals(doctorId)).toList();
    if (doctors.isEmpty()) {
      throw new io.carebook.shared.NotFoundException("Doctor");
    }
    model.addAttribute("doctorPage", true);
    model.addAttribute("doctorId", doctorId);
    return render(
        slug,
        new OnlineBooking.Page(page.clinic(), page.serviceTypes(), page.serviceType(), doctors),
        service,
        model);
  }

  private String render(
      String slug, OnlineBooking.Page page, @Nullable String service, Model model) {
    // with service types to choose from, times show only once the patient has chosen
    model.addAttribute("serviceTypes", page.serviceTypes());
    model.addAttribute("chosen", page.serviceTypes().isEmpty() || service != null);
    model.addAttribute("serviceType", page.serviceType());
    model.addAttribute(
        "metaDescription",
        messages.getMessage(
            "scheduling.public.description",
            new Object[] {
              page.clinic().name(),
              String.join(
                  ", ", page.doctors().stream().map(OnlineBooking.DoctorOffer::name).toList())
            },
            LocaleContextHolder.getLocale()));
    var zone = page.clinic().timezone();
    model.addAttribute("slug", slug);
    model.addAttribute("clinic", page.clinic());
    model.addAttribute("doctors", page.doctors());
    model.addAttribute("structuredData", structuredData(page));
    model.addAttribute(
        "days",
        page.doctors().stream()
            .collect(
                java.util.stream.Collectors.toMap(
                    d -> d.doctorId().toString(),
                    d -> days(d.slots(), zone),
                    (a, b) -> a,
                    LinkedHashMap::new)));
    return "scheduling/public-book";
  }

  @GetMapping("/book/{slug}/details")
  String details(
      @PathVariable String slug,
      @RequestParam UUID doctorId,
      @RequestParam(defaultValue = "") String service,
      @RequestParam Instant startsAt,
      Model model) {
    return detailsPage(slug, doctorId, service, startsAt, model);
  }

  /** The form for a chosen time: name and phone, to send the code. */
  private String detailsPage(
      String slug, UUID doctorId, String service, Instant startsAt, Model model) {
    var page = booking.page(slug, service, 1);
    model.addAttribute("serviceType", page.serviceType());
    model.addAttribute("hasTypes", !page.serviceTypes().isEmpty());
    model.addAttribute("slug", slug);
    model.addAttribute("clinic", page.clinic());
    model.addAttribute("doctorId", doctorId);
    model.addAttribute("startsAt", startsAt);
    var locale = org.springframework.context.i18n.LocaleContextHolder.getLocale(); // the page's
    model.addAttribute(
        "when",
        DateTimeFormatter.ofPattern(
                messages.getMessage("scheduling.format.dayTime", null, locale), locale)
            .withZone(page.clinic().timezone()));
    return "scheduling/public-details";
  }

  @PostMapping("/book/{slug}/requests")
  String request(
      @PathVariable String slug,
      @RequestParam UUID doctorId,
      @RequestParam(defaultValue = "") String serviceType,
      @RequestParam Instant startsAt,
      @RequestParam String fullName,
      @RequestParam String phone,
      HttpServletRequest http,
      Model model) {
    try {
      var id =
          booking.request(
              slug,
              new UserId(doctorId),
              serviceType,
              startsAt,
              fullName,
              phone,
              http.getRemoteAddr());
      return "redirect:/book/" + slug + "/requests/" + id;
    } catch (ProblemException e) {
      model.addAttribute("problem", e.kind());
      return detailsPage(slug, doctorId, serviceType, startsAt, model);
    }
  }

  @GetMapping("/book/{slug}/requests/{id}")
  String code(@PathVariable String slug, @PathVariable UUID id, Model model) {
    model.addAttribute("slug", slug);
    model.addAttribute("requestId", id);
    return "scheduling/public-code";
  }

  @PostMapping("/book/{slug}/requests/{id}")
  String confirm(
      @PathVariable String slug,
      @PathVariable UUID id,
      @RequestParam String code,
      HttpServletRequest http,
      jakarta.servlet.http.HttpServletResponse response,
      Model model) {
    try {
      var confirmed = booking.confirm(slug, id, code, http.getRemoteAddr());
      return "redirect:/book/manage/" + confirmed.manageToken() + "?booked";
    } catch (ProblemException e) {
      response.setStatus(e.status().value()); // a wrong or refused code is no success
      model.addAttribute("slug", slug);
      model.addAttribute("requestId", id);
      model.addAttribute("problem", e.kind());
      return "scheduling/public-code";
    }
  }

  @GetMapping("/book/manage/{token}")
  String manage(@PathVariable String token, Model model) {
    return managePage(managed(token), token, model);
  }

  private OnlineBooking.Managed managed(String token) {
    return booking
        .managed(token)
        .orElseThrow(() -> new io.carebook.shared.NotFoundException("Booking"));
  }

  private String managePage(OnlineBooking.Managed managed, String token, Model model) {
    var zone = managed.clinic().timezone();
    model.addAttribute("appointment", managed.appointment());
    model.addAttribute("clinic", managed.clinic());
    model.addAttribute("starts", managed.appointment().startsAt().atZone(zone));
    model.addAttribute("days", days(managed.freeTimes(), zone));
    model.addAttribute("token", token);
    return "scheduling/public-manage";
  }

  /** The booking as an iCalendar file, to add it to the patient's own calendar. */
  @GetMapping(value = "/book/manage/{token}/appointment.ics", produces = "text/calendar")
  @org.springframework.web.bind.annotation.ResponseBody
  org.springframework.http.ResponseEntity<String> calendarFile(@PathVariable String token) {
    var ics =
        booking
            .calendarFile(token)
            .orElseThrow(() -> new io.carebook.shared.NotFoundException("Booking"));
    return org.springframework.http.ResponseEntity.ok()
        .contentType(
            new org.springframework.http.MediaType(
                "text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
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
    booking.cancelByPatient(token);
    return "redirect:/book/manage/" + token;
  }

  @PostMapping("/book/manage/{token}/reschedule")
  String reschedule(@PathVariable String token, @RequestParam Instant startsAt, Model model) {
    try {
      booking.rescheduleByPatient(token, startsAt);
      return "redirect:/book/manage/" + token + "?moved";
    } catch (ProblemException e) {
      model.addAttribute("problem", e.kind());
      return manage(token, model);
    }
  }

  /** schema.org markup for search engines: the clinic and its doctors. */
  private static String structuredData(OnlineBooking.Page page) {
    var doctors =
        page.doctors().stream()
            .map(
                d ->
                    Map.of(
                        "@type",
                        "Physician",
                        "name",
                        d.name(),
                        "medicalSpecialty",
                        d.specialty() == null ? "" : d.specialty()))
            .toList();
    var clinic = new LinkedHashMap<String, Object>();
    clinic.put("@context", "https://schema.org");
    clinic.put("@type", "MedicalClinic");
    clinic.put("name", page.clinic().name());
    clinic.put("currenciesAccepted", page.clinic().currency());
    clinic.put("employee", doctors);
    var services =
        page.serviceTypes().stream()
            .filter(t -> !t.serviceType().isEmpty())
            .map(t -> Map.of("@type", "MedicalProcedure", "name", t.serviceType()))
            .toList();
    if (!services.isEmpty()) {
      clinic.put("availableService", services);
    }
    // inside a script element: no closing tag may appear in the data
    return JSON.writeValueAsString(clinic).replace("</", "<\\/");
  }

  private static final tools.jackson.databind.json.JsonMapper JSON =
      tools.jackson.databind.json.JsonMapper.builder().build();

  private static List<Day> days(List<io.carebook.scheduling.Slot> slots, ZoneId zone) {
    var byDay = new LinkedHashMap<LocalDate, List<Map.Entry<String, Instant>>>();
    var time = DateTimeFormatter.ofPattern("HH:mm").withZone(zone);
    for (var slot : slots) {
      byDay
          .computeIfAbsent(
              slot.startsAt().atZone(zone).toLocalDate(), d -> new java.util.ArrayList<>())
          .add(Map.entry(time.format(slot.startsAt()), slot.startsAt()));
    }
    return byDay.entrySet().stream().map(e -> new Day(e.getKey(), e.getValue())).toList();
  }
}
