package io.carebook.billing;

import io.carebook.identity.Role;
import io.carebook.identity.Staff;
import io.carebook.scheduling.Scheduling;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.MonthlyUsage;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.Permissions;
import io.carebook.tenancy.Plan;
import io.carebook.tenancy.SubscriptionStatus;
import io.carebook.tenancy.Subscriptions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the active clinic uses of its plan, for its owner. */
@Service
public class Usage {

  private final Organizations organizations;
  private final Subscriptions subscriptions;
  private final Staff staff;
  private final Scheduling calendar;
  private final Permissions permissions;
  private final PaymentProviders providers;
  private final Clock clock;
  private final List<MonthlyUsage> monthly;

  Usage(
      Organizations organizations,
      Subscriptions subscriptions,
      Staff staff,
      Scheduling calendar,
      Permissions permissions,
      PaymentProviders providers,
      Clock clock,
      List<MonthlyUsage> monthly) {
    this.monthly = monthly;
    this.organizations = organizations;
    this.subscriptions = subscriptions;
    this.staff = staff;
    this.calendar = calendar;
    this.permissions = permissions;
    this.providers = providers;
    this.clock = clock;
  }

  /** One limit: how much is used of how much (null: no limit). */
  public record Meter(String name, long used, @Nullable Integer limit) {

    /** How full, in percent, for a bar (a sliver when there is no limit). */
    public int percent() {
      return limit == null ? 5 : (int) Math.min(100, used * 100 / Math.max(1, limit));
    }
  }

  public record Report(
      SubscriptionStatus status,
      boolean writable,
      Plan plan,
      @Nullable Instant trialEndsAt,
      java.time.@Nullable LocalDate trialEndsOn,
      @Nullable Instant pastDueSince,
      List<Meter> meters,
      Set<Plan.Feature> features,
      List<Plan> checkoutPlans) {}

  @Transactional(readOnly = true)
  public Report report() {
    permissions.require(Action.PATIENT_VIEW);
    var clinic = organizations.activeClinic();
    var plan = subscriptions.plan(clinic.id());
    var members = staff.members().stream().filter(Staff.Member::active).toList();
    var now = clock.instant();
    var month = now.atZone(clinic.timezone()).toLocalDate().withDayOfMonth(1);
    var appointments =
        calendar.countBetween(
            month.atStartOfDay(clinic.timezone()).toInstant(),
            month.plusMonths(1).atStartOfDay(clinic.timezone()).toInstant());
    var from = month.atStartOfDay(clinic.timezone()).toInstant();
    var to = month.plusMonths(1).atStartOfDay(clinic.timezone()).toInstant();
    var meters = new java.util.ArrayList<Meter>();
    meters.addAll(
        List.of(
            new Meter(
                "doctors",
                members.stream().filter(m -> m.roles().contains(Role.DOCTOR)).count(),
                limit(plan.doctors())),
            new Meter("staff", members.size(), limit(plan.staff())),
            new Meter("appointmentsThisMonth", appointments, limit(plan.appointmentsPerMonth()))));
    monthly.forEach(
        m -> meters.add(new Meter(m.name(), m.used(clinic.id(), from, to), limit(m.limit(plan)))));
    return new Report(
        clinic.subscriptionStatus(),
        clinic.writable(now),
        plan,
        clinic.trialEndsAt(),
        clinic.trialEndsAt() == null
            ? null
            : clinic.trialEndsAt().atZone(clinic.timezone()).toLocalDate(),
        clinic.pastDueSince(),
        meters,
        plan.features(),
        java.util.Arrays.stream(Plan.values())
            .filter(p -> !providers.offering(p).isEmpty())
            .toList());
  }

  private static @Nullable Integer limit(int value) {
    return value == Integer.MAX_VALUE ? null : value;
  }
}
