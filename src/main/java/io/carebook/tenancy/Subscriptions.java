package io.carebook.tenancy;

import io.carebook.shared.ClinicId;
import io.carebook.shared.NotFoundException;
import io.carebook.tenancy.SubscriptionEvents.SubscriptionStatusChanged;
import io.carebook.tenancy.SubscriptionEvents.TrialEndingSoon;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each clinic's subscription: its status and plan, moved by the payment side (billing, after a
 * verified provider event) or by time — a daily sweep marks trials that ended as EXPIRED and tells
 * owners {@value #TRIAL_REMINDER_DAYS} days before a trial ends. The write guard never waits for
 * the sweep: it reads the dates itself ({@link SubscriptionStatus#allowsWrites}).
 */
@Service
public class Subscriptions {

  static final int TRIAL_REMINDER_DAYS = 3;
  private static final Logger log = LoggerFactory.getLogger(Subscriptions.class);

  private final JdbcClient jdbc;
  private final Organizations organizations;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final TenantSweep sweep;

  Subscriptions(
      JdbcClient jdbc,
      Organizations organizations,
      ApplicationEventPublisher events,
      Clock clock,
      TenantSweep sweep) {
    this.jdbc = jdbc;
    this.organizations = organizations;
    this.events = events;
    this.clock = clock;
    this.sweep = sweep;
  }

  /** The plan of a clinic of the current organization. */
  @Transactional(readOnly = true)
  public Plan plan(ClinicId clinic) {
    return jdbc.sql("select plan from clinics where id = ?")
        .param(clinic.value())
        .query(String.class)
        .optional()
        .map(Plan::valueOf)
        .orElseThrow(() -> new NotFoundException("Clinic"));
  }

  /**
   * Moves a clinic of the current organization to {@code status} (and {@code plan}, if given): a
   * clinic entering PAST_DUE starts its grace now, one staying there keeps it. A clinic the
   * platform suspended stays SUSPENDED whatever the payment side says (its plan may still change)
   * until the platform reinstates it.
   */
  @Transactional
  public void apply(ClinicId clinic, SubscriptionStatus status, @Nullable Plan plan) {
    var before = organizations.find(clinic).orElseThrow(() -> new NotFoundException("Clinic"));
    if (before.subscriptionStatus() == SubscriptionStatus.SUSPENDED
        && status != SubscriptionStatus.SUSPENDED) {
      // only the platform lifts its suspension (PlatformOperations.reinstate): a payment event
      // may change the plan the clinic returns to, never the status
      log.info(
          "Clinic {} stays suspended: a {} from the payment side is not applied", clinic, status);
      if (plan != null) {
        jdbc.sql("update clinics set plan = ? where id = ?")
            .params(plan.name(), clinic.value())
            .update();
      }
      return;
    }
    move(before, clinic, status, plan);
  }

  /** The platform suspends a clinic or lifts its suspension; nothing else may lift it. */
  @Transactional
  void applyAsPlatform(ClinicId clinic, SubscriptionStatus status) {
    var before = organizations.find(clinic).orElseThrow(() -> new NotFoundException("Clinic"));
    move(before, clinic, status, null);
  }

  private void move(
      Clinic before, ClinicId clinic, SubscriptionStatus status, @Nullable Plan plan) {
    var now = clock.instant();
    var pastDueSince =
        status != SubscriptionStatus.PAST_DUE
            ? null
            : before.pastDueSince() != null ? before.pastDueSince() : now;
    jdbc.sql(
            """
            update clinics set subscription_status = ?, past_due_since = ?,
              plan = coalesce(?, plan)
            where id = ?""")
        .params(
            status.name(),
            pastDueSince == null ? null : Timestamp.from(pastDueSince),
            plan == null ? null : plan.name(),
            clinic.value())
        .update();
    if (before.subscriptionStatus() != status) {
      events.publishEvent(
          new SubscriptionStatusChanged(
              before.tenantId(), clinic, before.subscriptionStatus(), status, plan(clinic), now));
    }
  }

  /** Once a day (and at start): trials that ended are EXPIRED; owners of ending trials are told. */
  @Scheduled(cron = "${carebook.subscriptions.sweep:0 15 0 * * *}")
  public void sweep() {
    sweep.all("The subscription sweep", tenant -> sweepCurrentTenant());
  }

  private void sweepCurrentTenant() {
    var now = clock.instant();
    for (var clinic : organizations.clinics()) {
      if (clinic.subscriptionStatus() != SubscriptionStatus.TRIAL || clinic.trialEndsAt() == null) {
        continue;
      }
      if (!now.isBefore(clinic.trialEndsAt())) {
        apply(clinic.id(), SubscriptionStatus.EXPIRED, null);
      } else if (now.plus(Duration.ofDays(TRIAL_REMINDER_DAYS)).isAfter(clinic.trialEndsAt())) {
        var marked =
            jdbc.sql(
                    "update clinics set trial_reminded_at = ? where id = ? and trial_reminded_at is null")
                .params(Timestamp.from(now), clinic.id().value())
                .update();
        if (marked == 1) {
          events.publishEvent(
              new TrialEndingSoon(clinic.tenantId(), clinic.id(), clinic.trialEndsAt()));
        }
      }
    }
  }
}
