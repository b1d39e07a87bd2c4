package io.carebook.billing.web;

import io.carebook.billing.Takings;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The day-end cash page, read from {@link Takings}: a day that does not parse shows today. */
@Controller
class TakingsPages {

  private final Takings takings;

  TakingsPages(Takings takings) {
    this.takings = takings;
  }

  @GetMapping("/billing/cash")
  String cash(@RequestParam(required = false) @Nullable String day, Model model) {
    LocalDate date;
    try {
      date = day == null || day.isBlank() ? takings.today() : LocalDate.parse(day);
    } catch (DateTimeParseException e) {
      date = takings.today();
    }
    var report = takings.cash(date);
    model.addAttribute("report", report);
    model.addAttribute(
        "largest",
        Math.max(
            1,
            report.cashiers().stream().mapToLong(c -> Math.abs(c.net().minor())).max().orElse(1)));
    model.addAttribute("previous", date.minusDays(1));
    model.addAttribute("next", date.plusDays(1));
    return "billing/cash";
  }
}
