package io.carebook.scheduling;

import java.time.LocalDate;

/**
 * The doctor's local day at the clinic has fewer live appointments than the rules' daily cap, if
 * they set one. A booking's window counts the day under a lock held until it commits ({@link
 * DoctorWindows#forBooking}), so racing bookings cannot all take the last place.
 */
record DailyCap() implements BookingPolicy {

  @Override
  public boolean allows(BookingAsk ask) {
    return !reached(ask.window(), ask.day());
  }

  /** Whether the day is full. */
  static boolean reached(DoctorWindow window, LocalDate day) {
    var cap = window.rules().dailyCap();
    return cap != null && window.liveOn(day) >= cap;
  }

  @Override
  public String name() {
    return "daily-cap";
  }
}
