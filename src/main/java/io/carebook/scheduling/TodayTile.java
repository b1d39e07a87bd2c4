package io.carebook.scheduling;

import io.carebook.tenancy.DashboardTile;
import io.carebook.tenancy.Organizations;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** Today's appointments at the active clinic, on the dashboard. */
@Component
class TodayTile implements DashboardTile {

  private final Scheduling calendar;
  private final Organizations organizations;

  TodayTile(Scheduling calendar, Organizations organizations) {
    this.calendar = calendar;
    this.organizations = organizations;
  }

  @Override
  public String labelKey() {
    return "scheduling.tile";
  }

  @Override
  public String value() {
    var zone = organizations.activeClinic().timezone();
    var today = LocalDate.now(zone);
    return Long.toString(
        calendar
            .between(
                null,
                today.atStartOfDay(zone).toInstant(),
                today.plusDays(1).atStartOfDay(zone).toInstant())
            .stream()
            .filter(a -> a.status() != AppointmentStatus.CANCELLED)
            .count());
  }

  @Override
  public String link() {
    return "/calendar";
  }
}
