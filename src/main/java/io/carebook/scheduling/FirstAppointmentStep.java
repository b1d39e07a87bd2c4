package io.carebook.scheduling;

import io.carebook.tenancy.OnboardingStep;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.TenantContext;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Last step: the first appointment, booked from the calendar; the link opens the calendar on the
 * first day with a free time, so that nobody hunts for an open day. Done once the clinic has any
 * appointment.
 */
@Component
class FirstAppointmentStep implements OnboardingStep {

  private static final int DAYS_AHEAD = 14;

  private final Scheduling calendar;
  private final Organizations organizations;
  private final JdbcClient jdbc;

  FirstAppointmentStep(Scheduling calendar, Organizations organizations, JdbcClient jdbc) {
    this.calendar = calendar;
    this.organizations = organizations;
    this.jdbc = jdbc;
  }

  @Override
  public int order() {
    return 40;
  }

  @Override
  public String titleKey() {
    return "scheduling.onboarding.firstAppointment";
  }

  @Override
  public boolean done() {
    return jdbc.sql("select exists (select 1 from appointments where clinic_id = ?)")
        .param(TenantContext.clinic().value())
        .query(Boolean.class)
        .single();
  }

  @Override
  public String fragment() {
    return "scheduling/onboarding :: first-appointment";
  }

  /** {@code link}: the calendar on the first day with a free time, or today's. */
  @Override
  public Map<String, Object> details() {
    var zone = organizations.activeClinic().timezone();
    var today = LocalDate.now(zone);
    var first =
        calendar.clinicAvailability("", today, today.plusDays(DAYS_AHEAD)).values().stream()
            .flatMap(List::stream)
            .min(Comparator.comparing(Slot::startsAt))
            .map(s -> LocalDate.ofInstant(s.startsAt(), zone));
    return Map.of("link", first.map(d -> "/calendar?date=" + d).orElse("/calendar"));
  }
}
