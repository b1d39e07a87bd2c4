package io.carebook.scheduling;

/** The clinic offers the asked service type now: the default always, a named type not retired. */
record ServiceTypeOffered() implements BookingPolicy {

  @Override
  public boolean allows(BookingAsk ask) {
    return ask.window().offered();
  }

  @Override
  public String name() {
    return "service-type-offered";
  }

  @Override
  public Problem problem() {
    return Problem.NOT_OFFERED;
  }
}
