package io.carebook.scheduling;

import java.time.ZonedDateTime;

/**
 * The start is on the clinic's grid: a whole multiple of the alignment from the local midnight, and
 * a local time that exists that day (a daylight-saving gap skips some, and of a local time that
 * occurs twice only the first counts).
 */
record OnGrid() implements BookingPolicy {

  @Override
  public boolean allows(BookingAsk ask) {
    var local = ask.localTime();
    var step = ask.rules().alignment().toSeconds();
    if (local.getNano() != 0 || local.toSecondOfDay() % step != 0) {
      return false;
    }
    var first = ZonedDateTime.ofLocal(ask.day().atTime(local), ask.window().zone(), null);
    return first.toInstant().equals(ask.start());
  }

  @Override
  public String name() {
    return "on-grid";
  }
}
