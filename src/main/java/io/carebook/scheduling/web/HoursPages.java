package io.carebook.scheduling.web;

import io.carebook.scheduling.Scheduling;
import io.carebook.scheduling.ServiceTypes;
import io.carebook.scheduling.WeeklyHours;
import io.carebook.shared.UserId;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Permissions;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Owners and managers edit each doctor's weekly hours at the clinic (up to two ranges a day: a
 * morning and an evening, as many clinics here work), and the clinic's booking rules: its default
 * and each service type's.
 */
@Controller
class HoursPages {

  private final Scheduling calendar;
  private final ServiceTypes serviceTypes;
  private final Permissions permissions;
  private final io.carebook.scheduling.ServedCountries countries;

  HoursPages(
      Scheduling calendar,
      ServiceTypes serviceTypes,
      Permissions permissions,
      io.carebook.scheduling.ServedCountries countries) {
    this.countries = countries;
    this.calendar = calendar;
    this.serviceTypes = serviceTypes;
    this.permissions = permissions;
  }

  /** A service type on the page: its name, whether retired, its rules in minutes and days. */
  record TypeRow(String name, boolean retired, RulesView rules) {}

  /** A day's row on the form: up to two ranges. */
  record DayRow(DayOfWeek day, String start1, String end1, String start2, String end2) {}

  /**
   * The doctors, and the clinic's service types with their rules; the form below edits the one
   * chosen ({@code service}, the default when absent) or adds one ({@code add}).
   */
  @GetMapping("/calendar/hours")
  String doctors(
      @RequestParam(defaultValue = "") String service,
      @RequestParam(required = false) @Nullable String add,
      Model model) {
    permissions.require(Action.SCHEDULE_EDIT);
    model.addAttribute("doctors", calendar.doctors());
    model.addAttribute("phoneCountries", String.join(" ", countries.served()));
    model.addAttribute("defaultRules", RulesView.of(calendar.rules("")));
    model.addAttribute(
        "types",
        serviceTypes.all().stream()
            .map(t -> new TypeRow(t.name(), t.retired(), RulesView.of(t.rules())))
            .toList());
    var adding = add != null || model.containsAttribute("adding");
    model.addAttribute("adding", adding);
    model.addAttribute("service", adding ? "" : service);
    if (!model.containsAttribute("rules")) {
      model.addAttribute("rules", RulesView.of(calendar.rules(adding ? "" : service)));
    }
    return "scheduling/hours-doctors";
  }

  @PostMapping("/calendar/rules")
  String saveRules(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
    permissions.require(Action.SCHEDULE_EDIT);
    var service = form.getOrDefault("serviceType", "");
    var newName = form.get("newName");
    RulesView typed;
    try {
      var cap = form.getOrDefault("dailyCap", "").strip();
      typed =
          new RulesView(
              Integer.parseInt(form.getOrDefault("durationMinutes", "").strip()),
              Integer.parseInt(form.getOrDefault("bufferBeforeMinutes", "").strip()),
              Integer.parseInt(form.getOrDefault("bufferAfterMinutes", "").strip()),
              Integer.parseInt(form.getOrDefault("minimumNoticeMinutes", "").strip()),
              Integer.parseInt(form.getOrDefault("horizonDays", "").strip()),
              Integer.parseInt(form.getOrDefault("alignmentMinutes", "").strip()),
              cap.isEmpty() ? null : Integer.valueOf(cap),
              Integer.parseInt(form.getOrDefault("seats", "").strip()));
    } catch (NumberFormatException e) {
      redirect.addFlashAttribute("rulesProblem", java.util.List.of());
      return back(service, newName, redirect);
    }
    try {
      var saved =
          newName != null
              ? serviceTypes.add(newName, typed.rules(""))
              : serviceTypes.update(service, typed.rules(service));
      service = saved.name();
    } catch (io.carebook.shared.ProblemException e) {
      redirect.addFlashAttribute("rules", typed);
      redirect.addFlashAttribute("rulesProblem", e.errors().stream().map(f -> f.field()).toList());
      return back(service, newName, redirect);
    }
    redirect.addFlashAttribute("rulesSaved", true);
    redirect.addAttribute("service", service);
    return "redirect:/calendar/hours#rules";
  }

  /** The countries whose phones the public page sends codes to, typed as "EG SA". */
  @PostMapping("/calendar/phone-countries")
  String servePhoneCountries(@RequestParam("countries") String typed, RedirectAttributes redirect) {
    try {
      countries.serve(java.util.List.of(typed.strip().split("[\\s,]+")));
      redirect.addFlashAttribute("countriesSaved", true);
    } catch (io.carebook.shared.ProblemException e) {
      if (e.status() != org.springframework.http.HttpStatus.BAD_REQUEST) {
        throw e;
      }
      redirect.addFlashAttribute("countriesProblem", true);
    }
    return "redirect:/calendar/hours#phone-countries";
  }

  /** Retires a service type (it is offered no more) or brings it back. */
  @PostMapping("/calendar/service-types/retire")
  String retire(
      @RequestParam String serviceType,
      @RequestParam(defaultValue = "true") boolean retire,
      RedirectAttributes redirect) {
    permissions.require(Action.SCHEDULE_EDIT);
    serviceTypes.retire(serviceType, retire);
    redirect.addFlashAttribute("rulesSaved", true);
    return "redirect:/calendar/hours#types";
  }

  private static String back(
      String service, @Nullable String newName, RedirectAttributes redirect) {
    if (newName != null) {
      redirect.addFlashAttribute("adding", true);
      redirect.addFlashAttribute("newName", newName);
      return "redirect:/calendar/hours?add#rules";
    }
    redirect.addAttribute("service", service);
    return "redirect:/calendar/hours#rules";
  }

  @GetMapping("/calendar/hours/{doctorId}")
  String form(@PathVariable UUID doctorId, Model model) {
    permissions.require(Action.SCHEDULE_EDIT);
    var doctor = new UserId(doctorId);
    var weekly = calendar.weeklyHours(doctor);
    var rows = new ArrayList<DayRow>();
    for (var day : DayOfWeek.values()) {
      var ranges = weekly.stream().filter(h -> h.day() == day).toList();
      rows.add(
          new DayRow(
              day,
              at(ranges, 0, true),
              at(ranges, 0, false),
              at(ranges, 1, true),
              at(ranges, 1, false)));
    }
    model.addAttribute(
        "doctor",
        calendar.doctors().stream()
            .filter(d -> d.userId().equals(doctor))
            .findFirst()
            .orElseThrow());
    model.addAttribute("rows", rows);
    return "scheduling/hours";
  }

  /**
   * Saves a doctor's week. From the dashboard's checklist ({@code from=dashboard}) it goes back
   * there; its "copy to all weekdays" button ({@code copyWeekdays}) first gives Tuesday to Friday
   * Monday's hours, for browsers without JavaScript (with it, the copy happens in the form).
   */
  @PostMapping("/calendar/hours/{doctorId}")
  String save(
      @PathVariable UUID doctorId,
      @RequestParam Map<String, String> posted,
      RedirectAttributes redirect) {
    permissions.require(Action.SCHEDULE_EDIT);
    var dashboard = "dashboard".equals(posted.get("from"));
    var back = dashboard ? "redirect:/#checklist" : "redirect:/calendar/hours/" + doctorId;
    var form = posted.containsKey("copyWeekdays") ? MondayToWeekdays.copy(posted) : posted;
    var weekly = new ArrayList<WeeklyHours>();
    try {
      for (var day : DayOfWeek.values()) {
        for (int range = 1; range <= 2; range++) {
          var start = form.getOrDefault(day + ".start" + range, "");
          var end = form.getOrDefault(day + ".end" + range, "");
          if (!start.isBlank() && !end.isBlank()) {
            weekly.add(new WeeklyHours(day, LocalTime.parse(start), LocalTime.parse(end)));
          }
        }
      }
    } catch (DateTimeParseException | IllegalArgumentException e) {
      redirect.addFlashAttribute(dashboard ? "hoursProblem" : "problem", "invalid-input");
      return back;
    }
    calendar.setWeeklyHours(new UserId(doctorId), weekly);
    redirect.addFlashAttribute(dashboard ? "hoursSaved" : "saved", true);
    return back;
  }

  private static String at(List<WeeklyHours> ranges, int index, boolean start) {
    if (ranges.size() <= index) {
      return "";
    }
    return (start ? ranges.get(index).starts() : ranges.get(index).ends()).toString();
  }
}
