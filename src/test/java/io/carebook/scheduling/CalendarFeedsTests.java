package io.carebook.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * iCalendar text as RFC 5545 wants it: escaped, and folded at 75 octets without splitting
 * characters.
 */
class CalendarFeedsTests {

  @Test
  void textIsEscaped() {
    assertThat(CalendarFeeds.text("Clinic; Dokki, Giza\n")).isEqualTo("Clinic\\; Dokki\\, Giza\\n");
  }

  @Test
  void longLinesAreFoldedWithoutSplittingACharacter() {
    var ics = new StringBuilder();
    CalendarFeeds.line(ics, "SUMMARY:" + "عيادة النيل ".repeat(10));
    var lines = ics.toString().split("\r\n");
    assertThat(lines.length).isGreaterThan(1);
    for (var line : lines) {
      assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
          .isLessThanOrEqualTo(75);
    }
    var unfolded = ics.toString().replace("\r\n ", "").replace("\r\n", "");
    assertThat(unfolded).isEqualTo("SUMMARY:" + "عيادة النيل ".repeat(10));
  }
}
