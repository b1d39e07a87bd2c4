package io.carebook.scheduling;

/**
 * The clinic's plan has room for one more appointment in the start's local month, if it limits
 * them. A booking's window counts the month under a lock held until it commits ({@link
 * DoctorWindows#forBooking}), so racing bookings cannot all take the last one.
 */
record MonthlyPlanLimit() implements BookingPolicy {

  @Override
  public boolean allows(BookingAsk ask) {
    var limit = ask.window().monthlyLimit();
    return limit == null || ask.window().bookedInMonth() < limit;
  }

  @Override
  public String name() {
    return "plan-monthly-limit";
  }

  @Override
  public Problem problem() {
    return Problem.PLAN_LIMIT;
  }
}
