package io.carebook.reports.web;

import io.carebook.reports.Reports;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The reports' figures for programs: the same as the page shows. */
@RestController
@Tag(name = "Reports", description = "The active clinic's last days: takings, visits, no-shows.")
class ReportsApi {

  private final Reports reports;

  ReportsApi(Reports reports) {
    this.reports = reports;
  }

  @GetMapping("/api/v1/reports")
  @Operation(
      summary = "The last 7, 30 or 90 days of the active clinic (needs REPORTS_VIEW)",
      description =
          "Per day: takings (payments less refunds), visits done, no-shows, walk-ins; the sums,"
              + " the no-show rate, the mean consultation, what is owed and what each service"
              + " billed. 403 plan-feature on a plan without reports.")
  Reports.Summary summary(@RequestParam(defaultValue = "30") int days) {
    return reports.summary(days);
  }
}
