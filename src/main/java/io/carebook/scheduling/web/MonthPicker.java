package io.carebook.scheduling.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.time.temporal.WeekFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The month-style date picker of the public booking page: the weeks of one month (starting on the
 * clinic country's first day of the week), each day either bookable (it has free times) or not,
 * with the reason; and the months before and after, while they are within the booking horizon.
 */
record MonthPicker(
    YearMonth month,
    List<Weekday> weekdays,
    List<List<Cell>> weeks,
    @Nullable YearMonth previous,
    @Nullable YearMonth next,
    @Nullable LocalDate chosen) {

  /** A column's weekday in the page's language: "Monday", "Mon" and "M". */
  record Weekday(String full, String abbreviated, String narrow) {
    static Weekday of(DayOfWeek day, Locale locale) {
      return new Weekday(
          day.getDisplayName(TextStyle.FULL, locale),
          day.getDisplayName(TextStyle.SHORT, locale),
          day.getDisplayName(TextStyle.NARROW, locale));
    }
  }

  /** Why a day cannot be chosen; FREE when it can. */
  enum State {
    FREE,
    PAST,
    BEYOND,
    NONE,
    OUTSIDE
  }

  /** One day of the grid; OUTSIDE for the days of the neighbouring months that fill its weeks. */
  record Cell(LocalDate date, State state, boolean chosen) {

    /** The message key of why the day is disabled (for its title); null when it is free. */
    public @Nullable String reason() {
      return switch (state) {
        case FREE, OUTSIDE -> null;
        case PAST -> "scheduling.public.dayPast";
        case BEYOND -> "scheduling.public.dayBeyond";
        case NONE -> "scheduling.public.dayNone";
      };
    }

    public boolean free() {
      return state == State.FREE;
    }
  }

  /** The month to show: the asked one, kept between today's month and the horizon's last. */
  static YearMonth monthOf(@Nullable String asked, LocalDate today, LocalDate lastDay) {
    var month = YearMonth.from(today);
    if (asked != null) {
      try {
        month = YearMonth.parse(asked);
      } catch (java.time.format.DateTimeParseException e) {
        month = YearMonth.from(today);
      }
    }
    if (month.isBefore(YearMonth.from(today))) {
      return YearMonth.from(today);
    }
    return month.isAfter(YearMonth.from(lastDay)) ? YearMonth.from(lastDay) : month;
  }

  static MonthPicker of(
      YearMonth month,
      String country,
      LocalDate today,
      LocalDate lastDay,
      Set<LocalDate> freeDays,
      @Nullable LocalDate chosen,
      Locale locale) {
    var firstDayOfWeek = WeekFields.of(Locale.of("", country)).getFirstDayOfWeek();
    var weekdays = new ArrayList<Weekday>();
    for (int i = 0; i < 7; i++) {
      weekdays.add(Weekday.of(firstDayOfWeek.plus(i), locale));
    }
    var weeks = new ArrayList<List<Cell>>();
    var day = month.atDay(1).with(TemporalAdjusters.previousOrSame(firstDayOfWeek));
    while (!day.isAfter(month.atEndOfMonth())) {
      var week = new ArrayList<Cell>();
      for (int i = 0; i < 7; i++, day = day.plusDays(1)) {
        State state;
        if (!YearMonth.from(day).equals(month)) {
          state = State.OUTSIDE;
        } else if (day.isBefore(today)) {
          state = State.PAST;
        } else if (day.isAfter(lastDay)) {
          state = State.BEYOND;
        } else {
          state = freeDays.contains(day) ? State.FREE : State.NONE;
        }
        week.add(new Cell(day, state, day.equals(chosen)));
      }
      weeks.add(week);
    }
    var previous = month.isAfter(YearMonth.from(today)) ? month.minusMonths(1) : null;
    var next = month.isBefore(YearMonth.from(lastDay)) ? month.plusMonths(1) : null;
    return new MonthPicker(month, weekdays, weeks, previous, next, chosen);
  }
}
