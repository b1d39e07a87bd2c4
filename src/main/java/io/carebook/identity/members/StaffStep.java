package io.carebook.identity.members;

import io.carebook.tenancy.OnboardingStep;
import io.carebook.tenancy.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Third step of a new clinic: inviting its staff (receptionists, other doctors). Done once the
 * clinic has sent an invitation or has a member besides the one who opened it.
 */
@Component
class StaffStep implements OnboardingStep {

  private final JdbcClient jdbc;

  StaffStep(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public int order() {
    return 30;
  }

  @Override
  public String titleKey() {
    return "identity.onboarding.staff";
  }

  @Override
  public boolean done() {
    var clinic = TenantContext.clinic().value();
    return jdbc.sql(
            """
            select exists (select 1 from invitations where clinic_id = ?)
                or (select count(*) from memberships where clinic_id = ?) > 1""")
        .params(clinic, clinic)
        .query(Boolean.class)
        .single();
  }

  @Override
  public String fragment() {
    return "identity/onboarding :: staff";
  }
}
