package io.carebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

/** A doctor's calendar opened through the API, for tests that book. */
public final class TestCalendars {

  private TestCalendars() {}

  /**
   * The doctor works every day from {@code starts} to {@code ends} (clinic time), and the clinic
   * books quarter-hour appointments: no buffers, no notice, 30 days ahead, one patient a slot.
   */
  public static void openEveryDay(Api desk, String doctor, String starts, String ends) {
    var week = new ArrayList<Map<String, String>>();
    for (var day : DayOfWeek.values()) {
      week.add(Map.of("day", day.name(), "starts", starts, "ends", ends));
    }
    var hours = desk.put("/api/v1/doctors/" + doctor + "/hours", week, Map.of());
    assertThat(hours.status()).as(hours.body().toString()).isEqualTo(200);
    var rules = new HashMap<String, Object>();
    rules.put("durationMinutes", 15);
    rules.put("bufferBeforeMinutes", 0);
    rules.put("bufferAfterMinutes", 0);
    rules.put("minimumNoticeMinutes", 0);
    rules.put("horizonDays", 30);
    rules.put("alignmentMinutes", 15);
    rules.put("seats", 1);
    var set = desk.put("/api/v1/booking-rules", rules, Map.of());
    assertThat(set.status()).as(set.body().toString()).isEqualTo(200);
  }
}
