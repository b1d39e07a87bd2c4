package io.carebook.scheduling;

/** The start is at least the rules' minimum notice away from now. */
record MinimumNotice() implements BookingPolicy {

  @Override
  public boolean allows(BookingAsk ask) {
    return !ask.start().isBefore(ask.now().plus(ask.rules().minimumNotice()));
  }

  @Override
  public String name() {
    return "minimum-notice";
  }
}
