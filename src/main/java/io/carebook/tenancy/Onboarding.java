package io.carebook.tenancy;

import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first-steps checklist of the active clinic: each module's {@link OnboardingStep}s in order,
 * and whether an owner or manager put the list away for the clinic.
 */
@Service
public class Onboarding {

  private final List<OnboardingStep> steps;
  private final JdbcClient jdbc;

  Onboarding(List<OnboardingStep> steps, JdbcClient jdbc) {
    this.steps = steps.stream().sorted(Comparator.comparingInt(OnboardingStep::order)).toList();
    this.jdbc = jdbc;
  }

  /** A step as the dashboard shows it: whether it is done, asked once per page. */
  public record Item(OnboardingStep step, boolean done) {}

  /** The steps of the active clinic, in order, each with whether its data shows it done. */
  @Transactional(readOnly = true)
  public List<Item> items() {
    return steps.stream().map(s -> new Item(s, s.done())).toList();
  }

  @Transactional(readOnly = true)
  public boolean dismissed() {
    return jdbc.sql("select exists (select 1 from onboarding_dismissals where clinic_id = ?)")
        .param(TenantContext.clinic().value())
        .query(Boolean.class)
        .single();
  }

  /**
   * Puts the checklist away for everyone at the active clinic, as the member in context (none when
   * Carebook does it itself); again changes nothing.
   */
  @Transactional
  public void dismiss() {
    var user = TenantContext.current().map(TenantContext.Scope::user).orElse(null);
    jdbc.sql(
            """
            insert into onboarding_dismissals (tenant_id, clinic_id, dismissed_by)
            values (?, ?, ?) on conflict do nothing""")
        .params(
            TenantContext.tenant().value(),
            TenantContext.clinic().value(),
            user == null ? null : user.value())
        .update();
  }
}
