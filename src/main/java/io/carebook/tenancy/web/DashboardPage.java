package io.carebook.tenancy.web;

import io.carebook.tenancy.Action;
import io.carebook.tenancy.DashboardTile;
import io.carebook.tenancy.Onboarding;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.Permissions;
import io.carebook.tenancy.TenantContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The active clinic at a glance: its subscription, each module's figures and, for owners and
 * managers of a new clinic, the first-steps checklist until its steps are done or it is put away.
 */
@Controller
class DashboardPage {

  private final Organizations organizations;
  private final List<DashboardTile> tiles;
  private final Onboarding onboarding;
  private final Permissions permissions;
  private final Clock clock;

  DashboardPage(
      Organizations organizations,
      List<DashboardTile> tiles,
      Onboarding onboarding,
      Permissions permissions,
      Clock clock) {
    this.organizations = organizations;
    this.tiles = tiles;
    this.onboarding = onboarding;
    this.permissions = permissions;
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
    if (clinic.writable(clock.instant()) && permissions.allows(Action.SCHEDULE_EDIT)) {
      checklist(model);
    }
    return "tenancy/dashboard";
  }

  /** The steps, unless all are done or the checklist was put away for the clinic. */
  private void checklist(Model model) {
    if (onboarding.dismissed()) {
      return;
    }
    var items = onboarding.items();
    var done = items.stream().filter(Onboarding.Item::done).count();
    if (done < items.size()) {
      model.addAttribute("steps", items);
      model.addAttribute("stepsDone", done);
    }
  }

  /** Puts the checklist away for everyone at the clinic (owners and managers). */
  @PostMapping("/onboarding/dismiss")
  String dismiss() {
    permissions.require(Action.SCHEDULE_EDIT);
    onboarding.dismiss();
    return "redirect:/";
  }
}
