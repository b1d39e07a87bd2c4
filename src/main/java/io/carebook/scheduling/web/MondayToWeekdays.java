package io.carebook.scheduling.web;

import java.time.DayOfWeek;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** "Copy to all weekdays": Tuesday to Friday take Monday's ranges, as typed in an hours form. */
final class MondayToWeekdays {

  private static final List<DayOfWeek> OTHERS =
      List.of(DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
  private static final List<String> FIELDS = List.of("start1", "end1", "start2", "end2");

  private MondayToWeekdays() {}

  static Map<String, String> copy(Map<String, String> form) {
    var copied = new HashMap<>(form);
    for (var day : OTHERS) {
      for (var field : FIELDS) {
        copied.put(day + "." + field, form.getOrDefault(DayOfWeek.MONDAY + "." + field, ""));
      }
    }
    return copied;
  }
}
