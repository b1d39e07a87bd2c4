package io.carebook.scheduling;

/**
 * The appointment lies within one of the doctor's working ranges of its local day at the clinic:
 * the weekly hours, unless that day's exceptions take the day off, replace or extend them.
 */
record WithinHours() implements BookingPolicy {

  @Override
  public boolean allows(BookingAsk ask) {
    var window = ask.window();
    var starts = ask.localTime();
    var minutes = ask.rules().duration().toMinutes();
    for (var range : Hours.workingRanges(ask.day(), window.weekly(), window.overrides())) {
      var lastStart = range[1].toSecondOfDay() / 60 - minutes;
      if (!starts.isBefore(range[0]) && starts.toSecondOfDay() / 60 <= lastStart) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String name() {
    return "within-hours";
  }
}
