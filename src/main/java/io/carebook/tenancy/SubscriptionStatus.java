package io.carebook.tenancy;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A clinic's subscription status, and what it lets staff do (DESIGN.md §4). Read-only still allows
 * what reading requires; the write guard enforces the rest.
 */
public enum SubscriptionStatus {
  TRIAL,
  ACTIVE,
  PAST_DUE,
  CANCELED,
  EXPIRED,
  SUSPENDED;

  /** How long a clinic may keep writing after a payment failed. */
  public static final Duration PAST_DUE_GRACE = Duration.ofDays(7);

  /** The length of the free trial that starts when a clinic is created. */
  public static final Duration TRIAL_LENGTH = Duration.ofDays(14);

  /**
   * Whether staff may write at {@code now}. A trial whose end has passed is treated as expired even
   * before the daily job has marked it, so the guard never depends on that job's timing.
   */
  public boolean allowsWrites(
      Instant now, @Nullable Instant trialEndsAt, @Nullable Instant pastDueSince) {
    return switch (this) {
      case ACTIVE -> true;
      case TRIAL -> trialEndsAt == null || now.isBefore(trialEndsAt);
      case PAST_DUE -> pastDueSince != null && now.isBefore(pastDueSince.plus(PAST_DUE_GRACE));
      case CANCELED, EXPIRED, SUSPENDED -> false;
    };
  }
}
