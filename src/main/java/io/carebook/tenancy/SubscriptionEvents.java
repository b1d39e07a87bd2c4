package io.carebook.tenancy;

import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.shared.TenantScoped;
import java.time.Instant;

/** What happens to clinics' subscriptions, for the owner's messages and webhooks. */
public final class SubscriptionEvents {

  private SubscriptionEvents() {}

  public record SubscriptionStatusChanged(
      TenantId tenantId,
      ClinicId clinicId,
      SubscriptionStatus from,
      SubscriptionStatus to,
      Plan plan,
      Instant at)
      implements TenantScoped {}

  /** A clinic's trial ends in a few days; its owner is told once. */
  public record TrialEndingSoon(TenantId tenantId, ClinicId clinicId, Instant endsAt)
      implements TenantScoped {}
}
