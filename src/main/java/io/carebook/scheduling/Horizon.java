package io.carebook.scheduling;

/** The start is no further ahead than the rules' horizon. */
record Horizon() implements BookingPolicy {

  @Override
  public boolean allows(BookingAsk ask) {
    return !ask.start().isAfter(ask.now().plus(ask.rules().horizon()));
  }

  @Override
  public String name() {
    return "horizon";
  }
}
