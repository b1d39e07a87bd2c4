package io.carebook.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/** A start asked of the doctor's window, at a moment: what every {@link BookingPolicy} judges. */
record BookingAsk(DoctorWindow window, Instant start, Instant now) {

  BookingRules rules() {
    return window.rules();
  }

  /** The start's local day at the clinic. */
  LocalDate day() {
    return start.atZone(window.zone()).toLocalDate();
  }

  /** The start's local time at the clinic. */
  LocalTime localTime() {
    return start.atZone(window.zone()).toLocalTime();
  }

  Instant end() {
    return start.plus(window.rules().duration());
  }
}
