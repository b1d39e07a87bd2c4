package io.carebook.fhir;

import io.carebook.shared.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The instants a FHIR {@code date} search allows, [from, to), either end open: each value is a
 * year, a month, a day (in the clinic's zone) or an instant, with the prefix {@code eq} (the
 * default), {@code ge}, {@code gt}, {@code le} or {@code lt}; several values must all hold.
 */
record DateRange(@Nullable Instant from, @Nullable Instant to) {

  static final DateRange ANY = new DateRange(null, null);

  private static final long INSTANT_WIDTH_MICROS = 1;

  static DateRange parse(String name, List<String> values, ZoneId zone) {
    var range = ANY;
    for (var value : values) {
      range = range.and(one(name, value.trim(), zone));
    }
    return range;
  }

  boolean contains(Instant at) {
    return (from == null || !at.isBefore(from)) && (to == null || at.isBefore(to));
  }

  /** Whether [start, end) overlaps this range (for slots and visits that last). */
  boolean overlaps(Instant start, Instant end) {
    return (from == null || end.isAfter(from)) && (to == null || start.isBefore(to));
  }

  DateRange and(DateRange other) {
    return new DateRange(later(from, other.from), earlier(to, other.to));
  }

  private static DateRange one(String name, String value, ZoneId zone) {
    var prefix = "eq";
    var rest = value;
    if (value.length() > 2 && Character.isLetter(value.charAt(0))) {
      prefix = value.substring(0, 2);
      rest = value.substring(2);
    }
    var period = period(name, rest, zone);
    return switch (prefix) {
      case "eq" -> period;
      case "ge" -> new DateRange(period.from, null);
      case "gt" -> new DateRange(period.to, null);
      case "le" -> new DateRange(null, period.to);
      case "lt" -> new DateRange(null, period.from);
      default ->
          throw ProblemException.invalid(
              name, "prefix " + prefix + " is not supported; use eq, ge, gt, le or lt");
    };
  }

  /** The period a value names: a whole year, month or day, or one instant. */
  private static DateRange period(String name, String text, ZoneId zone) {
    try {
      if (text.matches("\\d{4}")) {
        var start = LocalDate.of(Integer.parseInt(text), 1, 1);
        return days(start, start.plusYears(1), zone);
      }
      if (text.matches("\\d{4}-\\d{2}")) {
        var month = YearMonth.parse(text);
        return days(month.atDay(1), month.plusMonths(1).atDay(1), zone);
      }
      if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
        var day = LocalDate.parse(text);
        return days(day, day.plusDays(1), zone);
      }
      var at =
          text.matches(".*(Z|[+-]\\d{2}:\\d{2})$")
              ? OffsetDateTime.parse(text).toInstant()
              : LocalDateTime.parse(text).atZone(zone).toInstant();
      return new DateRange(at, at.plus(INSTANT_WIDTH_MICROS, ChronoUnit.MICROS));
    } catch (java.time.DateTimeException e) {
      throw ProblemException.invalid(
          name, "'" + text + "' is not a date (2026-03-01, 2026-03, 2026) or an instant");
    }
  }

  private static DateRange days(LocalDate start, LocalDate end, ZoneId zone) {
    return new DateRange(start.atStartOfDay(zone).toInstant(), end.atStartOfDay(zone).toInstant());
  }

  private static @Nullable Instant later(@Nullable Instant a, @Nullable Instant b) {
    return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
  }

  private static @Nullable Instant earlier(@Nullable Instant a, @Nullable Instant b) {
    return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
  }
}
