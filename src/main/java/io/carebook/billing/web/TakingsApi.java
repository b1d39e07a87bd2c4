package io.carebook.billing.web;

import io.carebook.billing.Takings;
import io.carebook.shared.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The day-end cash report in the API, read from {@link Takings}. */
@RestController
@Tag(name = "Billing")
class TakingsApi {

  private final Takings takings;

  TakingsApi(Takings takings) {
    this.takings = takings;
  }

  @GetMapping("/api/v1/cash-report")
  @Operation(
      summary = "The day-end cash report of the active clinic",
      description =
          "For the clinic-local day (default today): per member who took money, per method, what"
              + " was taken, given back, and should be handed over.")
  Takings.CashReport cash(@RequestParam(required = false) @Nullable String day) {
    LocalDate date;
    try {
      date = day == null || day.isBlank() ? null : LocalDate.parse(day);
    } catch (DateTimeParseException e) {
      throw ProblemException.invalid("day", "is a date like 2026-11-22");
    }
    return takings.cash(date == null ? takings.today() : date);
  }
}
