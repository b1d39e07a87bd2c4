package io.carebook.scheduling;

import io.carebook.tenancy.OnboardingStep;
import io.carebook.tenancy.TenantContext;
import java.time.DayOfWeek;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * First step: a doctor's opening hours, set on the dashboard itself. Offered for the signed-in
 * member when they are a doctor here (an owner usually is), else for the first doctor; prefilled
 * with 9 to 17 on weekdays. Done once any doctor of the clinic has weekly hours.
 */
@Component
class HoursStep implements OnboardingStep {

  static final String OPENS = "09:00";
  static final String CLOSES = "17:00";

  private final Scheduling calendar;
  private final JdbcClient jdbc;

  HoursStep(Scheduling calendar, JdbcClient jdbc) {
    this.calendar = calendar;
    this.jdbc = jdbc;
  }

  @Override
  public int order() {
    return 10;
  }

  @Override
  public String titleKey() {
    return "scheduling.onboarding.hours";
  }

  @Override
  public boolean done() {
    return jdbc.sql("select exists (select 1 from weekly_hours where clinic_id = ?)")
        .param(TenantContext.clinic().value())
        .query(Boolean.class)
        .single();
  }

  @Override
  public String fragment() {
    return "scheduling/onboarding :: hours";
  }

  /** The doctor whose hours the form sets ({@code doctor}, absent when none) and the days. */
  @Override
  public Map<String, Object> details() {
    var me = TenantContext.current().map(TenantContext.Scope::user).orElse(null);
    var doctors = calendar.doctors();
    var details = new LinkedHashMap<String, Object>();
    doctors.stream()
        .filter(d -> d.userId().equals(me))
        .findFirst()
        .or(() -> doctors.stream().findFirst())
        .ifPresent(d -> details.put("doctor", d));
    details.put("days", List.of(DayOfWeek.values()));
    details.put("opens", OPENS);
    details.put("closes", CLOSES);
    return details;
  }
}
