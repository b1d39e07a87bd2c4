package io.carebook.scheduling;

import java.util.List;
import java.util.Optional;

/** The booking rules in the order they are judged: the first that refuses names the refusal. */
final class BookingPolicies {

  /** What decides whether a time is free: the slot's own rules, none of them a count of months. */
  static final List<BookingPolicy> SLOT =
      List.of(
          new WithinHours(),
          new OnGrid(),
          new MinimumNotice(),
          new Horizon(),
          new DailyCap(),
          new SeatsLeft());

  /** Every rule a new booking passes: the type is offered, the slot is free, the plan has room. */
  static final List<BookingPolicy> BOOKING =
      List.of(
          new ServiceTypeOffered(),
          new WithinHours(),
          new OnGrid(),
          new MinimumNotice(),
          new Horizon(),
          new DailyCap(),
          new SeatsLeft(),
          new MonthlyPlanLimit());

  /**
   * The rules a booking on a time already held for it passes (a waitlist offer accepted): the hold
   * is its seat and its time was a booking's, so only what may have filled up since is judged.
   */
  static final List<BookingPolicy> HELD = List.of(new DailyCap(), new MonthlyPlanLimit());

  private BookingPolicies() {}

  /** The first of {@code policies} that refuses the ask, if any. */
  static Optional<BookingPolicy> firstRefusing(List<BookingPolicy> policies, BookingAsk ask) {
    for (var policy : policies) {
      if (!policy.allows(ask)) {
        return Optional.of(policy);
      }
    }
    return Optional.empty();
  }
}
