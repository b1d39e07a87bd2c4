package io.carebook.conversations.understanding;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Weekdays and ranges of days: "friday", "next friday", "el próximo viernes", "الجمعة الجاية",
 * "next week" (Monday to Sunday), "this week", "the weekend", "next month", and a weekday of a
 * named week ("el martes de la semana que viene").
 */
final class Weeks {

  private static final String NEXT_BEFORE = "next|coming|el proximo|proximo|el otro";
  private static final String NEXT_AFTER = "que viene|proximo|الجاي|الجايه|القادم|القادمه|اللي جاي";
  private static final Pattern WEEKDAY =
      Pattern.compile(
          "(?<= )(?:(?<before>"
              + NEXT_BEFORE
              + "|this|este|el|on|يوم) )?(?<day>"
              + Weekdays.ALTERNATION
              + ")(?: (?<after>"
              + NEXT_AFTER
              + "))?(?= )");
  private static final Phrases NEXT_WEEK =
      Phrases.of(
          "next week",
          "la semana que viene",
          "la proxima semana",
          "la semana proxima",
          "semana que viene",
          "proxima semana",
          "الأسبوع الجاي",
          "الاسبوع الجاي",
          "الأسبوع القادم",
          "الأسبوع اللي جاي",
          "الأسبوع المقبل");
  private static final Phrases THIS_WEEK =
      Phrases.of(
          "this week", "esta semana", "الأسبوع ده", "هذا الأسبوع", "الأسبوع هذا", "هالأسبوع");
  private static final Phrases WEEKEND =
      Phrases.of(
          "weekend",
          "this weekend",
          "the weekend",
          "el fin de semana",
          "fin de semana",
          "este fin de semana",
          "finde",
          "الويك اند",
          "الويكند");
  private static final Phrases NEXT_MONTH =
      Phrases.of(
          "next month",
          "el mes que viene",
          "el proximo mes",
          "el mes proximo",
          "الشهر الجاي",
          "الشهر القادم",
          "الشهر اللي جاي");

  private Weeks() {}

  static Days.Found in(String text, LocalDate today) {
    var m = WEEKDAY.matcher(text);
    DayOfWeek day = null;
    var next = false;
    if (m.find()) {
      day = Weekdays.BY_NAME.get(m.group("day"));
      var before = m.group("before");
      next = m.group("after") != null || (before != null && before.matches(NEXT_BEFORE));
      text = text.substring(0, m.start()) + " " + text.substring(m.end());
    }
    var range = range(text, today);
    if (range != null) {
      if (day != null) {
        var date = range.date().with(TemporalAdjusters.nextOrSame(day));
        return new Days.Found(date, null, range.rest());
      }
      return range;
    }
    if (day == null) {
      return new Days.Found(null, null, text);
    }
    var date =
        next
            ? today.with(TemporalAdjusters.next(day))
            : today.with(TemporalAdjusters.nextOrSame(day));
    return new Days.Found(date, null, text);
  }

  private static Days.@Nullable Found range(String text, LocalDate today) {
    if (NEXT_WEEK.in(text)) {
      var monday = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
      return new Days.Found(monday, monday.plusDays(6), NEXT_WEEK.replaceIn(text, " "));
    }
    if (THIS_WEEK.in(text)) {
      var sunday = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
      return new Days.Found(today, sunday, THIS_WEEK.replaceIn(text, " "));
    }
    if (WEEKEND.in(text)) {
      var start =
          today.getDayOfWeek() == DayOfWeek.SUNDAY
              ? today
              : today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
      var sunday = start.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
      return new Days.Found(start, sunday, WEEKEND.replaceIn(text, " "));
    }
    if (NEXT_MONTH.in(text)) {
      var first = today.withDayOfMonth(1).plusMonths(1);
      return new Days.Found(
          first, first.with(TemporalAdjusters.lastDayOfMonth()), NEXT_MONTH.replaceIn(text, " "));
    }
    return null;
  }
}
