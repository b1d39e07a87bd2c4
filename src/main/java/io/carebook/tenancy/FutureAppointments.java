package io.carebook.tenancy;

import io.carebook.shared.ClinicId;
import java.time.Instant;

/**
 * How many appointments of a clinic are still to come, which changing its time zone affects.
 * Scheduling answers, without tenancy depending on it.
 */
public interface FutureAppointments {

  /** The clinic's booked or arrived appointments starting at or after {@code from}. */
  long countFrom(ClinicId clinic, Instant from);
}
