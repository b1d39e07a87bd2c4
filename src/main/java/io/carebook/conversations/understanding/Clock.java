package io.carebook.conversations.understanding;

import java.time.LocalTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Clock times, read the way a clinic expects. An hour with am/pm (or Arabic ص/م) or with a part of
 * the day ("5 de la tarde", "٥ العصر", "7 in the morning") is read by it; a bare hour 1-7 is in the
 * afternoon ("a las 5", "الساعة ٥" are 17:00), 8-11 in the morning, 12 is noon and 13-23 are read
 * as written. Minutes come as ":30", "y media", "y cuarto", "menos cuarto", "ونص", "وربع", "إلا
 * ربع", "half past", "quarter to".
 */
final class Clock {

  private static final String H = "(?<hour>" + Hours.ALTERNATION + ")";
  private static final String AT =
      Phrases.of(
              "at",
              "around",
              "about",
              "a las",
              "a la",
              "las",
              "como a las",
              "tipo",
              "الساعة",
              "ساعة",
              "على الساعة",
              "ع الساعة",
              "في الساعة")
          .alternation();
  private static final String MERIDIEM = "(?<meridiem>am|pm|ص|م)";
  private static final String WORD_FRACTION =
      "(?<fraction>y media|y cuarto|menos cuarto|and a half|"
          + Phrases.of(
                  "و نص", "ونص", "والنص", "و ربع", "وربع", "إلا ربع", "و تلت", "وتلت", "وثلث",
                  "إلا تلت", "إلا ثلث")
              .alternation()
          + ")";
  private static final String FRACTION =
      "(?:" + WORD_FRACTION + "|y (?<plus>\\d{1,2})|menos (?<minus>\\d{1,2}))";
  private static final String MARKED = "(?: (?:de|in the|in|por|en|at|في|بال))? " + DayParts.MARKER;

  private static final List<Pattern> PATTERNS =
      Stream.of(
              "(?<hour>\\d{1,2}):(?<minute>\\d{2})(?: ?" + MERIDIEM + ")?(?: ?(?:h|hs|hrs))?",
              "(?<hour>\\d{1,2}) ?(?:" + MERIDIEM + "|h|hs|hrs)",
              "(?:" + AT + ") " + H + "(?: " + FRACTION + ")?(?: " + MERIDIEM + ")?",
              "(?<hour>\\d{1,2}) " + WORD_FRACTION,
              "(?<hour>\\d{1,2})" + MARKED,
              "(?<quarter>half|quarter) (?<past>past|to) " + H)
          .map(regex -> Pattern.compile("(?<= )" + regex + "(?= )"))
          .toList();
  private static final Phrases NOON = Phrases.of("noon", "midday", "mediodía", "el mediodía");
  private static final Phrases MIDNIGHT = Phrases.of("midnight", "medianoche", "نص الليل");

  private Clock() {}

  static @Nullable LocalTime in(String text, @Nullable DayPart dayPart) {
    for (var pattern : PATTERNS) {
      var m = pattern.matcher(text);
      if (m.find()) {
        var time = timeOf(m, dayPart);
        if (time != null) {
          return time;
        }
      }
    }
    if (NOON.in(text)) {
      return LocalTime.NOON;
    }
    return MIDNIGHT.in(text) ? LocalTime.MIDNIGHT : null;
  }

  private static @Nullable LocalTime timeOf(Matcher m, @Nullable DayPart dayPart) {
    var hour = Hours.valueOf(m.group("hour"));
    var minute = group(m, "minute") == null ? 0 : Integer.parseInt(m.group("minute"));
    minute += minutes(m);
    if (minute < 0) {
      minute += 60;
      hour = hour == 1 ? 12 : hour - 1;
    }
    var meridiem = group(m, "meridiem");
    hour = meridiem != null ? withMeridiem(hour, meridiem) : inClinicHours(hour, dayPart);
    if (hour < 0 || hour > 23 || minute > 59) {
      return null;
    }
    return LocalTime.of(hour, minute);
  }

  private static int minutes(Matcher m) {
    if (group(m, "quarter") != null) {
      var size = m.group("quarter").equals("half") ? 30 : 15;
      return m.group("past").equals("past") ? size : -size;
    }
    if (group(m, "plus") != null) {
      return Integer.parseInt(m.group("plus"));
    }
    if (group(m, "minus") != null) {
      return -Integer.parseInt(m.group("minus"));
    }
    var fraction = group(m, "fraction");
    if (fraction == null) {
      return 0;
    }
    if (fraction.contains("نص") || fraction.contains("media") || fraction.contains("half")) {
      return 30;
    }
    if (fraction.contains("تلت") || fraction.contains("ثلث")) {
      return fraction.startsWith("الا") ? -20 : 20;
    }
    return fraction.startsWith("الا") || fraction.startsWith("menos") ? -15 : 15;
  }

  private static int withMeridiem(int hour, String meridiem) {
    if (hour > 12) {
      return hour;
    }
    var afternoon = meridiem.equals("pm") || meridiem.equals("م");
    return afternoon ? (hour == 12 ? 12 : hour + 12) : (hour == 12 ? 0 : hour);
  }

  private static int inClinicHours(int hour, @Nullable DayPart dayPart) {
    if (hour >= 12 || hour == 0) {
      return hour;
    }
    if (dayPart == DayPart.MORNING) {
      return hour;
    }
    if (dayPart == DayPart.AFTERNOON || dayPart == DayPart.EVENING) {
      return hour + 12;
    }
    return hour <= 7 ? hour + 12 : hour;
  }

  private static @Nullable String group(Matcher m, String name) {
    return m.namedGroups().containsKey(name) ? m.group(name) : null;
  }
}
