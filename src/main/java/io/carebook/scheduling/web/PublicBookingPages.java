package io.carebook.scheduling.web;

import io.carebook.scheduling.OnlineBooking;
import io.carebook.shared.Money;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.ProblemException;
import io.carebook.shared.UserId;
import io.carebook.tenancy.AllowedWhenReadOnly;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
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
 * A clinic's public booking page (no sign-in; works on a phone and without JavaScript): the service
 * first when the clinic offers several, then a month of days over the booking horizon and the free
 * times of the chosen day per doctor; a name and a phone; the code sent to it (sent again after a
 * delay, {@link PublicCodePages}). The private link to manage the booking is {@link
 * PublicManagePages}.
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

  /** Free times of one day, in the clinic's local time: "09:00" and its instant. */
  record Day(LocalDate date, List<Map.Entry<String, Instant>> times) {}

  /**
   * The clinic's page. When it offers service types besides the standard visit, the patient picks
   * one first ({@code service}, or {@code type} in a shared link; empty for the standard visit),
   * and the times shown follow its rules. {@code month} (2026-12) and {@code day} choose the days.
   */
  @GetMapping("/book/{slug}")
  String page(
      @PathVariable String slug,
      @RequestParam(required = false) @Nullable String service,
      @RequestParam(required = false) @Nullable String type,
      @RequestParam(required = false) @Nullable String month,
      @RequestParam(required = false) @Nullable String day,
      Model model) {
    return show(slug, null, type != null ? type : service, month, day, model);
  }

  /** One doctor's own booking page, to share or link from their profile. */
  @GetMapping("/book/{slug}/doctors/{doctorId}")
  String doctorPage(
      @PathVariable String slug,
      @PathVariable UUID doctorId,
      @RequestParam(required = false) @Nullable String service,
      @RequestParam(required = false) @Nullable String type,
      @RequestParam(required = false) @Nullable String month,
      @RequestParam(required = false) @Nullable String day,
      Model model) {
    model.addAttribute("doctorPage", true);
    model.addAttribute("doctorId", doctorId);
    return show(slug, doctorId, type != null ? type : service, month, day, model);
  }

  private String show(
      String slug,
      @Nullable UUID doctorId,
      @Nullable String service,
      @Nullable String askedMonth,
      @Nullable String askedDay,
      Model model) {
    var chosenDay = parseDay(askedDay);
    var monthAsked = chosenDay != null ? YearMonth.from(chosenDay).toString() : askedMonth;
    var from = monthStart(monthAsked);
    var page = onlyDoctor(booking.page(slug, service == null ? "" : service, from, 31), doctorId);
    var month = MonthPicker.monthOf(monthAsked, page.today(), page.lastDay());
    if (from != null && !month.atDay(1).equals(from)) { // asked beyond the horizon
      page =
          onlyDoctor(
              booking.page(slug, service == null ? "" : service, month.atDay(1), 31), doctorId);
    }
    var zone = page.clinic().timezone();
    var freeDays =
        page.doctors().stream()
            .flatMap(d -> d.slots().stream())
            .map(s -> s.startsAt().atZone(zone).toLocalDate())
            .filter(d -> YearMonth.from(d).equals(month))
            .collect(Collectors.toCollection(java.util.TreeSet::new));
    if (chosenDay == null || !YearMonth.from(chosenDay).equals(month)) {
      chosenDay = freeDays.isEmpty() ? null : freeDays.first();
    }
    var picked = chosenDay;
    // with service types to choose from, the days show only once the patient has chosen
    model.addAttribute("serviceTypes", page.serviceTypes());
    model.addAttribute("chosen", page.serviceTypes().isEmpty() || service != null);
    model.addAttribute("serviceType", page.serviceType());
    model.addAttribute("prices", prices(page));
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
    model.addAttribute("slug", slug);
    model.addAttribute(
        "base", doctorId == null ? "/book/" + slug : "/book/" + slug + "/doctors/" + doctorId);
    model.addAttribute("clinic", page.clinic());
    model.addAttribute("doctors", page.doctors());
    model.addAttribute(
        "initials",
        page.doctors().stream()
            .collect(
                Collectors.toMap(
                    d -> d.doctorId().toString(), d -> Initials.of(d.name()), (a, b) -> a)));
    model.addAttribute("structuredData", structuredData(page));
    model.addAttribute(
        "picker",
        MonthPicker.of(
            month,
            page.clinic().country(),
            page.today(),
            page.lastDay(),
            freeDays,
            chosenDay,
            LocaleContextHolder.getLocale()));
    model.addAttribute(
        "times",
        page.doctors().stream()
            .collect(
                Collectors.toMap(
                    d -> d.doctorId().toString(),
                    d ->
                        days(d.slots(), zone).stream()
                            .filter(x -> x.date().equals(picked))
                            .flatMap(x -> x.times().stream())
                            .toList(),
                    (a, b) -> a,
                    LinkedHashMap::new)));
    return "scheduling/public-book";
  }

  private static OnlineBooking.Page onlyDoctor(OnlineBooking.Page page, @Nullable UUID doctorId) {
    if (doctorId == null) {
      return page;
    }
    var doctors =
        page.doctors().stream().filter(d -> d.doctorId().value().equals(doctorId)).toList();
    if (doctors.isEmpty()) {
      throw new NotFoundException("Doctor");
    }
    return page.withDoctors(doctors);
  }

  private static @Nullable LocalDate parseDay(@Nullable String day) {
    try {
      return day == null ? null : LocalDate.parse(day);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static @Nullable LocalDate monthStart(@Nullable String month) {
    try {
      return month == null ? null : YearMonth.parse(month).atDay(1);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Each priced type's price in the clinic's currency, written for the page's language. */
  private static Map<String, String> prices(OnlineBooking.Page page) {
    var currency = Currency.getInstance(page.clinic().currency());
    var locale = LocaleContextHolder.getLocale();
    var prices = new LinkedHashMap<String, String>();
    page.prices()
        .forEach((type, price) -> prices.put(type, Money.rounded(price, currency).format(locale)));
    return prices;
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

  /** The form for a chosen time: who with, where, when; then name and phone, to send the code. */
  private String detailsPage(
      String slug, UUID doctorId, String service, Instant startsAt, Model model) {
    var page = onlyDoctor(booking.page(slug, service, 1), doctorId);
    model.addAttribute("serviceType", page.serviceType());
    model.addAttribute("hasTypes", !page.serviceTypes().isEmpty());
    model.addAttribute("slug", slug);
    model.addAttribute("clinic", page.clinic());
    model.addAttribute("doctor", page.doctors().getFirst());
    model.addAttribute("initials", Initials.of(page.doctors().getFirst().name()));
    model.addAttribute("doctorId", doctorId);
    model.addAttribute("startsAt", startsAt);
    var locale = LocaleContextHolder.getLocale(); // the page's
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
    if (page.clinic().address() != null) {
      clinic.put("address", page.clinic().address());
    }
    if (page.clinic().phone() != null) {
      clinic.put("telephone", page.clinic().phone());
    }
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

  static List<Day> days(List<io.carebook.scheduling.Slot> slots, ZoneId zone) {
    var byDay = new LinkedHashMap<LocalDate, List<Map.Entry<String, Instant>>>();
    var time = DateTimeFormatter.ofPattern("HH:mm").withZone(zone);
    for (var slot : slots) {
      byDay
          .computeIfAbsent(slot.startsAt().atZone(zone).toLocalDate(), d -> new ArrayList<>())
          .add(Map.entry(time.format(slot.startsAt()), slot.startsAt()));
    }
    return byDay.entrySet().stream().map(e -> new Day(e.getKey(), e.getValue())).toList();
  }
}
