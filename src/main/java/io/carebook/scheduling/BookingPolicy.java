package io.carebook.scheduling;

/**
 * One rule a booking must pass, judged against one read of the doctor's window ({@link
 * DoctorWindow}) for the asked start: no statement of its own, so a booking checks every rule for
 * the price of that one read. A policy that refuses names the refusal ({@link #name()} is the
 * problem's {@code policy} member) and says which problem it is ({@link #problem()}).
 */
sealed interface BookingPolicy
    permits ServiceTypeOffered,
        WithinHours,
        OnGrid,
        MinimumNotice,
        Horizon,
        DailyCap,
        SeatsLeft,
        MonthlyPlanLimit {

  /** Whether the asked start passes this rule. */
  boolean allows(BookingAsk ask);

  /** The rule's stable name, the {@code policy} member of its refusal ("minimum-notice"). */
  String name();

  /** The problem a refusal by this rule answers: most refuse the time itself. */
  default Problem problem() {
    return Problem.SLOT_TAKEN;
  }

  /** The stable problem types of refusals. */
  enum Problem {
    /** 409 {@code slot-taken}, with alternatives: the time cannot be booked. */
    SLOT_TAKEN,
    /** 409 {@code plan-limit}: the clinic's plan has no room this month. */
    PLAN_LIMIT,
    /** 400 {@code invalid-input} on {@code serviceType}: the clinic does not offer the type. */
    NOT_OFFERED
  }
}
