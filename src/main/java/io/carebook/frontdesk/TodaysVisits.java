package io.carebook.frontdesk;

import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.WriteGuard;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The rule that a clinic whose subscription allows reading only may still finish the visits of its
 * current day — move them forward, document them, prescribe — but nothing older (DESIGN.md §4). The
 * front desk and clinical records both ask it; their endpoints carry {@link FinishesTodaysVisits}
 * so that the write guard lets them reach it.
 */
@Component
public class TodaysVisits {

  private final Organizations organizations;
  private final WriteGuard writeGuard;
  private final Clock clock;

  TodaysVisits(Organizations organizations, WriteGuard writeGuard, Clock clock) {
    this.organizations = organizations;
    this.writeGuard = writeGuard;
    this.clock = clock;
  }

  /** Throws the write guard's problem when the clinic is read-only and the visit not of today. */
  public void requireWritable(Visit visit) {
    requireWritable(visit, clock.instant());
  }

  /** The same, as of {@code now} (the demo moves visits at times of its own). */
  void requireWritable(Visit visit, Instant now) {
    var clinic = organizations.activeClinic();
    if (!clinic.writable(now)
        && !visit.tokenDay().equals(FrontDesk.tokenDay(now, clinic.timezone()))) {
      writeGuard.requireWritable();
    }
  }
}
