package io.carebook.scheduling.web;

import io.carebook.scheduling.BookingRules;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A clinic's booking rules as the API and the settings page show them: minutes and days. Kept in
 * the session across a redirect when the page refuses a value, hence serializable.
 */
record RulesView(
    int durationMinutes,
    int bufferBeforeMinutes,
    int bufferAfterMinutes,
    int minimumNoticeMinutes,
    int horizonDays,
    int alignmentMinutes,
    @Nullable Integer dailyCap,
    int seats)
    implements java.io.Serializable {

  static RulesView of(BookingRules r) {
    return new RulesView(
        (int) r.duration().toMinutes(),
        (int) r.bufferBefore().toMinutes(),
        (int) r.bufferAfter().toMinutes(),
        (int) r.minimumNotice().toMinutes(),
        (int) r.horizon().toDays(),
        (int) r.alignment().toMinutes(),
        r.dailyCap(),
        r.seats());
  }

  BookingRules rules(String serviceType) {
    return new BookingRules(
        serviceType,
        Duration.ofMinutes(durationMinutes),
        Duration.ofMinutes(bufferBeforeMinutes),
        Duration.ofMinutes(bufferAfterMinutes),
        Duration.ofMinutes(minimumNoticeMinutes),
        Duration.ofDays(horizonDays),
        Duration.ofMinutes(alignmentMinutes),
        dailyCap,
        seats);
  }

  /** The values by field name, for the settings form. */
  public Map<String, Object> values() {
    return Map.of(
        "durationMinutes", durationMinutes,
        "bufferBeforeMinutes", bufferBeforeMinutes,
        "bufferAfterMinutes", bufferAfterMinutes,
        "minimumNoticeMinutes", minimumNoticeMinutes,
        "horizonDays", horizonDays,
        "alignmentMinutes", alignmentMinutes,
        "seats", seats);
  }
}
