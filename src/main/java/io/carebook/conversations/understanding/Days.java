package io.carebook.conversations.understanding;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Days and ranges of days, counted from today's date in the clinic. The rules a clinic expects:
 *
 * <ul>
 *   <li>"12/3", "12-3", "١٢/٣" are day/month (the regions served write the day first); a day
 *       without a year that has passed this year is next year's;
 *   <li>a weekday alone ("friday", "el lunes", "الخميس") is the next such day on or after today, so
 *       today's own weekday is today; "next friday", "el próximo viernes", "الجمعة الجاية" is the
 *       next such day after today;
 *   <li>"next week" is next Monday to Sunday; "this week" today to Sunday; "next month" its first
 *       to last day; a weekday with a week ("el martes de la semana que viene") is that day of it;
 *   <li>"the 15th", "el día 15", "يوم ١٥" is the next 15th on or after today.
 * </ul>
 *
 * <p>Each day phrase found is taken out of the text, so its digits are not read again as a time.
 */
final class Days {

  private static final String END = "(?= )";
  private static final Pattern NUMERIC =
      Pattern.compile("(?<= )(\\d{1,2})[/-](\\d{1,2})(?:[/-](\\d{4}|\\d{2}))?" + END);
  private static final Pattern DAY_MONTH =
      Pattern.compile(
          "(?<= )(\\d{1,2})(?:st|nd|rd|th)? (?:(?:de|of|من) )?("
              + Months.ALTERNATION
              + ")(?: (?:de )?(\\d{4}))?"
              + END);
  private static final Pattern MONTH_DAY =
      Pattern.compile(
          "(?<= )(" + Months.ALTERNATION + ") (\\d{1,2})(?:st|nd|rd|th)?(?: (\\d{4}))?" + END);
  private static final Pattern DAY_OF_MONTH =
      Pattern.compile(
          "(?<= )(?:(?<prefix>the|el dia|dia|يوم) )?(?<day>\\d{1,2})(?<ordinal>st|nd|rd|th)?"
              + END);
  private static final Pattern IN_DAYS =
      Pattern.compile("(?<= )(?:in|en|dentro de|بعد) (\\d{1,2}) (?:days|dias|ايام|يوم)" + END);

  private static final Phrases AFTER_TOMORROW =
      Phrases.of(
          "day after tomorrow",
          "the day after tomorrow",
          "pasado mañana",
          "بعد بكرة",
          "بعد بكرا",
          "بعد غد",
          "بعد غدا",
          "بعد غداً",
          "بعد الغد",
          "بعد يومين",
          "in two days",
          "en dos días");
  private static final Phrases TOMORROW =
      Phrases.of(
          "tomorrow",
          "tmrw",
          "tmr",
          "tmrrw",
          "tomorow",
          "tommorow",
          "tommorrow",
          "2moro",
          "2morrow",
          "mañana",
          "بكرة",
          "بكرا",
          "غدا",
          "غداً",
          "الغد",
          "باكر");
  private static final Phrases TODAY =
      Phrases.of("today", "hoy", "النهارده", "النهاردة", "النهاردا", "انهارده", "اليوم", "هاليوم");

  /** The day or range found, and the text with it taken out. */
  record Found(@Nullable LocalDate date, @Nullable LocalDate until, String rest) {}

  private Days() {}

  static Found in(String text, LocalDate today) {
    var explicit = explicit(text, today);
    if (explicit != null) {
      return explicit;
    }
    var relative = relative(text, today);
    if (relative != null) {
      return relative;
    }
    return Weeks.in(text, today);
  }

  private static @Nullable Found explicit(String text, LocalDate today) {
    var m = NUMERIC.matcher(text);
    if (m.find()) {
      var date = dayMonth(m.group(1), Integer.parseInt(m.group(2)), m.group(3), today);
      return date == null ? null : taken(text, m, date);
    }
    for (var pattern : new Pattern[] {DAY_MONTH, MONTH_DAY}) {
      m = pattern.matcher(text);
      if (m.find()) {
        var dayFirst = pattern == DAY_MONTH;
        var month = Months.BY_NAME.get(m.group(dayFirst ? 2 : 1));
        var date = dayMonth(m.group(dayFirst ? 1 : 2), month, m.group(3), today);
        return date == null ? null : taken(text, m, date);
      }
    }
    return dayOfMonth(text, today);
  }

  private static @Nullable Found dayOfMonth(String text, LocalDate today) {
    var m = DAY_OF_MONTH.matcher(text);
    while (m.find()) {
      var prefix = m.group("prefix");
      var ordinal = m.group("ordinal") != null;
      if (ordinal || (prefix != null && !prefix.equals("the"))) {
        var date = nextDayOfMonth(Integer.parseInt(m.group("day")), today);
        return date == null ? null : taken(text, m, date);
      }
    }
    return null;
  }

  private static @Nullable LocalDate nextDayOfMonth(int day, LocalDate today) {
    if (day < 1 || day > 31) {
      return null;
    }
    var month = today.withDayOfMonth(1);
    while (day > month.lengthOfMonth() || month.withDayOfMonth(day).isBefore(today)) {
      month = month.plusMonths(1);
    }
    return month.withDayOfMonth(day);
  }

  private static @Nullable Found relative(String text, LocalDate today) {
    var m = IN_DAYS.matcher(text);
    if (m.find()) {
      return taken(text, m, today.plusDays(Integer.parseInt(m.group(1))));
    }
    if (AFTER_TOMORROW.in(text)) {
      return new Found(today.plusDays(2), null, AFTER_TOMORROW.replaceIn(text, " "));
    }
    if (TOMORROW.in(text)) {
      return new Found(today.plusDays(1), null, TOMORROW.replaceIn(text, " "));
    }
    if (TODAY.in(text)) {
      return new Found(today, null, TODAY.replaceIn(text, " "));
    }
    return null;
  }

  /** Day and month (and perhaps year): without a year, the next such day on or after today. */
  static @Nullable LocalDate dayMonth(
      String day, int month, @Nullable String year, LocalDate today) {
    try {
      var monthDay = MonthDay.of(month, Integer.parseInt(day));
      if (year != null) {
        var y = Integer.parseInt(year);
        return monthDay.atYear(y < 100 ? 2000 + y : y);
      }
      var date = monthDay.atYear(today.getYear());
      return date.isBefore(today) ? monthDay.atYear(today.getYear() + 1) : date;
    } catch (DateTimeException e) {
      return null;
    }
  }

  static LocalDate onOrAfter(LocalDate today, DayOfWeek day) {
    return today.with(TemporalAdjusters.nextOrSame(day));
  }

  private static Found taken(String text, Matcher m, LocalDate date) {
    return new Found(date, null, text.substring(0, m.start()) + " " + text.substring(m.end()));
  }
}
