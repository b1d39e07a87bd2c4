package io.carebook.reports;

import io.carebook.billing.Dues;
import io.carebook.billing.Takings;
import io.carebook.frontdesk.FrontDesk;
import io.carebook.shared.Money;
import io.carebook.shared.ProblemException;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.Permissions;
import io.carebook.tenancy.Plan;
import io.carebook.tenancy.Subscriptions;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The active clinic's last days: takings, visits and no-shows per day, and what was billed. */
@Service
public class Reports {

  /** The periods a report covers, in days up to today. */
  public static final Set<Integer> PERIODS = Set.of(7, 30, 90);

  private final Dues dues;
  private final Takings takings;
  private final FrontDesk frontDesk;
  private final Organizations organizations;
  private final Subscriptions subscriptions;
  private final Permissions permissions;
  private final Clock clock;

  Reports(
      Dues dues,
      Takings takings,
      FrontDesk frontDesk,
      Organizations organizations,
      Subscriptions subscriptions,
      Permissions permissions,
      Clock clock) {
    this.dues = dues;
    this.takings = takings;
    this.frontDesk = frontDesk;
    this.organizations = organizations;
    this.subscriptions = subscriptions;
    this.permissions = permissions;
    this.clock = clock;
  }

  /** One day of the report. */
  public record Day(LocalDate day, Money takings, int visits, int noShows, int walkIns) {}

  /** The report of a period: its days, and the sums over them. */
  public record Summary(
      LocalDate from,
      LocalDate to,
      List<Day> days,
      Money takings,
      int visits,
      int noShows,
      int walkIns,
      int noShowPercent,
      int meanConsultMinutes,
      Money owed,
      List<Takings.ServiceTakings> services) {

    /** The largest day's takings, in minor units (at least 1), to scale a chart. */
    public long mostTaken() {
      return Math.max(1, days.stream().mapToLong(d -> d.takings().minor()).max().orElse(1));
    }

    /** The busiest day's patients (seen and not), at least 1, to scale a chart. */
    public int mostPatients() {
      return Math.max(1, days.stream().mapToInt(d -> d.visits() + d.noShows()).max().orElse(1));
    }
  }

  /** Whether the active clinic's plan includes reports. */
  @Transactional(readOnly = true)
  public boolean included() {
    return subscriptions.plan(organizations.activeClinic().id()).includes(Plan.Feature.REPORTS);
  }

  /** The last {@code days} days up to today (7, 30 or 90), for REPORTS_VIEW on a plan with them. */
  @Transactional(readOnly = true)
  public Summary summary(int days) {
    permissions.require(Action.REPORTS_VIEW);
    if (!PERIODS.contains(days)) {
      throw ProblemException.invalid("days", "is 7, 30 or 90");
    }
    if (!included()) {
      throw new ProblemException(
          HttpStatus.FORBIDDEN,
          "plan-feature",
          "Reports come with the GROWTH and PRO plans; upgrade the clinic's plan to see them.");
    }
    var clinic = organizations.activeClinic();
    var to = clock.instant().atZone(clinic.timezone()).toLocalDate();
    var from = to.minusDays(days - 1L);
    var byDay = takings.byDay(from, to);
    var counts = new java.util.HashMap<LocalDate, FrontDesk.DayCount>();
    frontDesk.countsByDay(from, to).forEach(c -> counts.put(c.day(), c));
    var owed = dues.total();
    var list = new ArrayList<Day>();
    var total = Money.zero(owed.currency());
    int visits = 0;
    int noShows = 0;
    int walkIns = 0;
    double consultMinutes = 0;
    for (var entry : byDay.entrySet()) {
      var count = counts.get(entry.getKey());
      var day =
          new Day(
              entry.getKey(),
              entry.getValue(),
              count == null ? 0 : count.done(),
              count == null ? 0 : count.noShows(),
              count == null ? 0 : count.walkIns());
      list.add(day);
      total = total.plus(day.takings());
      visits += day.visits();
      noShows += day.noShows();
      walkIns += day.walkIns();
      consultMinutes += count == null ? 0 : count.consultMinutes() * count.done();
    }
    return new Summary(
        from,
        to,
        list,
        total,
        visits,
        noShows,
        walkIns,
        visits + noShows == 0 ? 0 : Math.round(100f * noShows / (visits + noShows)),
        visits == 0 ? 0 : (int) Math.round(consultMinutes / visits),
        owed,
        takings.byService(from, to));
  }
}
