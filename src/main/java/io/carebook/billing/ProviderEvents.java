package io.carebook.billing;

import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.tenancy.Plan;
import io.carebook.tenancy.SubscriptionStatus;
import io.carebook.tenancy.Subscriptions;
import io.carebook.tenancy.TenantContext;
import io.carebook.tenancy.TenantTransactions;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * What every payment provider's events share, whichever provider sent them: each event kept once
 * per provider and id (a replay changes nothing), the clinic's subscription row with the time of
 * the last event applied to it (an older event arriving late changes nothing), and one mapping from
 * the provider's status to {@code tenancy}'s.
 */
@Component
class ProviderEvents {

  /** The clinic an event belongs to. */
  record Route(TenantId tenant, ClinicId clinic) {}

  private final JdbcClient jdbc;
  private final Subscriptions subscriptions;
  private final TenantTransactions tenants;

  ProviderEvents(JdbcClient jdbc, Subscriptions subscriptions, TenantTransactions tenants) {
    this.jdbc = jdbc;
    this.subscriptions = subscriptions;
    this.tenants = tenants;
  }

  /**
   * Runs {@code work} in one transaction inside the routed clinic, as the system; an event naming a
   * clinic this server does not have (another server's, sharing the provider account) is ignored
   * rather than failing on it.
   */
  EventOutcome within(Route route, Supplier<EventOutcome> work) {
    return tenants.inClinic(
        route.tenant(),
        route.clinic(),
        () -> {
          var known =
              jdbc.sql("select exists (select 1 from clinics where id = ?)")
                  .param(route.clinic().value())
                  .query(Boolean.class)
                  .single();
          return known ? work.get() : EventOutcome.IGNORED;
        });
  }

  /** The clinic named by the {@code tenant_id} and {@code clinic_id} set when paying began. */
  static Optional<Route> routeByNotes(JsonNode notes) {
    var tenant = text(notes, "tenant_id");
    var clinic = text(notes, "clinic_id");
    if (tenant == null || clinic == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Route(TenantId.of(tenant), ClinicId.of(clinic)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The clinic whose subscription has the provider's id, for events carrying no notes. */
  Optional<Route> routeBySubscription(String provider, @Nullable String subscription) {
    if (subscription == null) {
      return Optional.empty();
    }
    return tenants.beforeTenant(
        () ->
            jdbc.sql("select * from platform_subscription_by_provider_id(?, ?)")
                .params(provider, subscription)
                .query(
                    (rs, n) ->
                        new Route(
                            new TenantId(rs.getObject(1, UUID.class)),
                            new ClinicId(rs.getObject(2, UUID.class))))
                .optional());
  }

  /** Keeps the event once; false when its id was seen before (a replay). */
  boolean keep(String provider, String id, String type, Instant created) {
    return jdbc.sql(
                """
                insert into platform_webhook_events (tenant_id, provider, event_id, type, created_at)
                values (?, ?, ?, ?, ?) on conflict do nothing""")
            .params(TenantContext.tenant().value(), provider, id, type, Timestamp.from(created))
            .update()
        == 1;
  }

  /** The clinic's subscription row, made on its provider's first event. */
  void open(ClinicId clinic, String provider) {
    jdbc.sql(
            """
            insert into platform_subscriptions (tenant_id, clinic_id, provider) values (?, ?, ?)
            on conflict (tenant_id, clinic_id) do nothing""")
        .params(TenantContext.tenant().value(), clinic.value(), provider)
        .update();
  }

  /**
   * Records the event as the subscription's latest if it is; false if a later one came first. The
   * provider whose event is newest is the clinic's provider from then on.
   */
  boolean newer(
      ClinicId clinic,
      String provider,
      Instant created,
      @Nullable String subscription,
      String status,
      @Nullable Plan plan) {
    return jdbc.sql(
                """
                update platform_subscriptions set last_event_at = ?, provider_status = ?,
                  provider = ?, subscription_id = coalesce(?, subscription_id),
                  plan = coalesce(?, plan), updated_at = now()
                where clinic_id = ? and (last_event_at is null or last_event_at <= ?)""")
            .params(
                Timestamp.from(created),
                status,
                provider,
                subscription,
                plan == null ? null : plan.name(),
                clinic.value(),
                Timestamp.from(created))
            .update()
        == 1;
  }

  /** Tells {@code tenancy}; a status that means nothing was paid yet changes nothing. */
  EventOutcome move(ClinicId clinic, @Nullable SubscriptionStatus status, @Nullable Plan plan) {
    if (status == null) {
      return EventOutcome.IGNORED;
    }
    subscriptions.apply(clinic, status, plan);
    return EventOutcome.APPLIED;
  }

  /**
   * {@code tenancy}'s status for a provider's subscription status, in Stripe's words (other
   * providers translate theirs into these); null for one that changes nothing.
   */
  static @Nullable SubscriptionStatus statusOf(String status) {
    return switch (status) {
      case "active", "trialing" -> SubscriptionStatus.ACTIVE;
      case "past_due", "unpaid" -> SubscriptionStatus.PAST_DUE;
      case "canceled" -> SubscriptionStatus.CANCELED;
      case "incomplete_expired" -> SubscriptionStatus.EXPIRED;
      default -> null;
    };
  }

  /** A plan by its name, or null for none or a name no plan has. */
  static @Nullable Plan plan(@Nullable String name) {
    if (name == null) {
      return null;
    }
    try {
      return Plan.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** A non-blank string field, or null. */
  static @Nullable String text(JsonNode node, String field) {
    var value = node.path(field);
    return value.isString() && !value.asString().isBlank() ? value.asString() : null;
  }
}
