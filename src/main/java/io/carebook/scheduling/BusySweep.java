package io.carebook.scheduling;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The seats left of many asked times of one doctor's window, in one pass over its busy time: what
 * {@link SeatsLeft#left} answers for each, without rescanning the busy intervals for every slot.
 * Asked in order (each time's start and end no earlier than the last's, as a day's grid and the
 * days of a range ask them), an interval is taken into the open set once, when a time first reaches
 * it, and dropped once, when the times have passed its end; a time asked out of order starts the
 * pass again, so any order gives the same answers, only more slowly.
 */
final class BusySweep {

  private final List<BusyTime.Interval> busy; // by start (DoctorWindow)
  private final UUID clinic;
  private final int seats;
  private final List<BusyTime.Interval> open = new ArrayList<>();
  private int next;
  private Instant lastFrom = Instant.MIN;
  private Instant lastTo = Instant.MIN;

  BusySweep(DoctorWindow window) {
    this.busy = window.busy();
    this.clinic = window.clinic().value();
    this.seats = window.rules().seats();
  }

  /**
   * How many more patients [{@code from}, {@code to}) takes, buffers included by the caller (zero
   * or less: none): the rules' seats less this clinic's intervals overlapping it, zero if another
   * clinic's does.
   */
  int left(Instant from, Instant to) {
    if (from.isBefore(lastFrom) || to.isBefore(lastTo)) {
      open.clear();
      next = 0;
    }
    lastFrom = from;
    lastTo = to;
    while (next < busy.size() && busy.get(next).starts().isBefore(to)) {
      open.add(busy.get(next++));
    }
    // what ended by this start is over for every later start too
    open.removeIf(interval -> !interval.ends().isAfter(from));
    for (var interval : open) {
      if (!interval.clinic().equals(clinic)) {
        return 0;
      }
    }
    return seats - open.size();
  }
}
