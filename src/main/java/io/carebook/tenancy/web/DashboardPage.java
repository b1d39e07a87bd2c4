package io.carebook.tenancy.web;

import io.carebook.tenancy.DashboardTile;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.TenantContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The active clinic at a glance: its subscription and each module's figures. */
@Controller
class DashboardPage {

  private final Organizations organizations;
  private final List<DashboardTile> tiles;
  private final Clock clock;

  DashboardPage(Organizations organizations, List<DashboardTile> tiles, Clock clock) {
    this.organizations = organizations;
    this.tiles = tiles;
    this.clock = clock;
  }

  @GetMapping("/")
  String dashboard(Model model) {
    if (TenantContext.current().map(TenantContext.Scope::clinic).isEmpty()) {
      return "tenancy/no-clinic";
    }
    var clinic = organizations.activeClinic();
    model.addAttribute("clinic", clinic);
    model.addAttribute("writable", clinic.writable(clock.instant()));
    if (clinic.trialEndsAt() != null) {
      // a day begun counts: a trial opened just now has all 14 days left, not 13
      var left = Duration.between(clock.instant(), clinic.trialEndsAt()).toSeconds();
      model.addAttribute("trialDaysLeft", Math.max(0, Math.ceilDiv(left, 86_400)));
    }
    model.addAttribute("tiles", tiles);
    return "tenancy/dashboard";
  }
}
