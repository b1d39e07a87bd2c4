package io.carebook.reports.web;

import io.carebook.reports.Reports;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Permissions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The reports page of the active clinic: its last days in charts. */
@Controller
class ReportsPages {

  private final Reports reports;
  private final Permissions permissions;

  ReportsPages(Reports reports, Permissions permissions) {
    this.reports = reports;
    this.permissions = permissions;
  }

  @GetMapping("/reports")
  String page(@RequestParam(defaultValue = "30") int days, Model model) {
    permissions.require(Action.REPORTS_VIEW);
    var period = Reports.PERIODS.contains(days) ? days : 30;
    model.addAttribute("days", period);
    model.addAttribute("periods", java.util.List.of(7, 30, 90));
    var included = reports.included();
    model.addAttribute("included", included);
    if (included) {
      model.addAttribute("report", reports.summary(period));
    }
    return "reports/overview";
  }
}
