package io.carebook.conversations.understanding;

import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Weekday names in English, Spanish and Arabic (Modern Standard and colloquial spellings). */
final class Weekdays {

  private static final String[][] NAMES = {
    {"monday", "mon", "lunes", "الاثنين", "الإثنين", "الاتنين", "التنين"},
    {"tuesday", "tue", "tues", "martes", "الثلاثاء", "الثلاثا", "التلات", "التلاتاء", "ثلاثاء"},
    {"wednesday", "wed", "miércoles", "الأربعاء", "الاربعا", "الأربع", "اربعاء", "الاربعه"},
    {"thursday", "thu", "thur", "thurs", "jueves", "الخميس", "خميس"},
    {"friday", "fri", "viernes", "الجمعة", "جمعة", "الجمعه"},
    {"saturday", "sábado", "السبت"},
    {"sunday", "domingo", "الأحد", "الاحد", "الحد"}
  };

  static final Map<String, DayOfWeek> BY_NAME = byName();

  static final String ALTERNATION =
      Phrases.of(Arrays.stream(NAMES).flatMap(Arrays::stream).toArray(String[]::new)).alternation();

  private Weekdays() {}

  private static Map<String, DayOfWeek> byName() {
    var map = new LinkedHashMap<String, DayOfWeek>();
    for (var day = 0; day < NAMES.length; day++) {
      for (var name : NAMES[day]) {
        map.put(Text.normalize(name).strip(), DayOfWeek.of(day + 1));
      }
    }
    return Map.copyOf(map);
  }
}
