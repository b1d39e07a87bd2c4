package io.carebook.tenancy;

import io.carebook.shared.ClinicId;
import java.time.Instant;

/**
 * Something a plan limits by the month, counted by the module that owns it (messages are counted by
 * notifications), for the owner's usage page: modules offer one as a bean.
 */
public interface MonthlyUsage {

  /** The meter's name, for its label: {@code billing.sub.meter.<name>}. */
  String name();

  /** The plan's limit ({@link Integer#MAX_VALUE}: none). */
  int limit(Plan plan);

  /** How much a clinic of the current organization used between two instants. */
  long used(ClinicId clinic, Instant from, Instant to);
}
