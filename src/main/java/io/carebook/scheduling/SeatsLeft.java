package io.carebook.scheduling;

/**
 * A seat is left for the appointment with its buffers: the doctor is busy at no other clinic then,
 * and fewer of this clinic's bookings overlap it than the rules' seats. The busy time's exclusion
 * constraints have the last word; this judges what the window read.
 */
record SeatsLeft() implements BookingPolicy {

  @Override
  public boolean allows(BookingAsk ask) {
    return left(ask) > 0;
  }

  /** How many more patients the asked time takes (zero or less: none). */
  static int left(BookingAsk ask) {
    var rules = ask.rules();
    var clinic = ask.window().clinic().value();
    var from = ask.start().minus(rules.bufferBefore());
    var to = ask.end().plus(rules.bufferAfter());
    var taken = 0;
    for (var interval : ask.window().busy()) { // by start (DoctorWindow)
      if (!interval.starts().isBefore(to)) {
        break;
      }
      if (interval.ends().isAfter(from)) {
        if (!interval.clinic().equals(clinic)) {
          return 0;
        }
        taken++;
      }
    }
    return rules.seats() - taken;
  }

  @Override
  public String name() {
    return "seats-left";
  }
}
