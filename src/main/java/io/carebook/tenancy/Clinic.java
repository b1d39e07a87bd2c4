package io.carebook.tenancy;

import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** A location of an organization, as other modules see it. */
public record Clinic(
    TenantId tenantId,
    ClinicId id,
    String name,
    String slug,
    ZoneId timezone,
    Locale locale,
    String currency,
    String country,
    SubscriptionStatus subscriptionStatus,
    @Nullable Instant trialEndsAt,
    @Nullable Instant pastDueSince,
    boolean active,
    @Nullable String address,
    @Nullable String phone) {

  /** Whether staff of this clinic may write at {@code now} (DESIGN.md §4). */
  public boolean writable(Instant now) {
    return active && subscriptionStatus.allowsWrites(now, trialEndsAt, pastDueSince);
  }
}
