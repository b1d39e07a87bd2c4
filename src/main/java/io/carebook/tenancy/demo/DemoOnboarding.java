package io.carebook.tenancy.demo;

import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.tenancy.Onboarding;
import io.carebook.tenancy.TenantTransactions;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo clinics are clinics in use, not new ones: once every module has loaded its part, a demo
 * clinic whose first steps are not all done (Consultorio Sol has no staff to invite: a solo
 * practice) has its checklist put away, so that no demo dashboard shows it.
 */
@Component
@ConditionalOnDemo
@Order(10_000)
class DemoOnboarding implements DemoDataLoader {

  private final Onboarding onboarding;
  private final TenantTransactions tenants;

  DemoOnboarding(Onboarding onboarding, TenantTransactions tenants) {
    this.onboarding = onboarding;
    this.tenants = tenants;
  }

  @Override
  public void load() {
    putAwayWhereUnfinished(DemoOrganization.NILE, DemoOrganization.NILE_DOKKI);
    putAwayWhereUnfinished(DemoOrganization.NILE, DemoOrganization.NILE_HELIOPOLIS);
    putAwayWhereUnfinished(DemoOrganization.ZAMALEK, DemoOrganization.ZAMALEK_EYE);
    putAwayWhereUnfinished(DemoOrganization.SOL, DemoOrganization.SOL_ROMA);
  }

  /** Puts the clinic's checklist away unless its steps are all done; true when it did. */
  boolean putAwayWhereUnfinished(TenantId tenant, ClinicId clinic) {
    return tenants.withoutTransaction(
        tenant,
        clinic,
        () -> {
          if (onboarding.items().stream().allMatch(Onboarding.Item::done)) {
            return false;
          }
          onboarding.dismiss();
          return true;
        });
  }
}
