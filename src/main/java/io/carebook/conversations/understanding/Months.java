package io.carebook.conversations.understanding;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Month names: English (and three-letter forms), Spanish, Egyptian Arabic (يناير..ديسمبر) and
 * Levantine Arabic (كانون الثاني..كانون الأول).
 */
final class Months {

  private static final String[][] NAMES = {
    {"january", "jan", "enero", "يناير", "كانون الثاني"},
    {"february", "feb", "febrero", "فبراير", "شباط"},
    {"march", "mar", "marzo", "مارس", "آذار"},
    {"april", "apr", "abril", "أبريل", "ابريل", "إبريل", "نيسان"},
    {"may", "mayo", "مايو", "أيار"},
    {"june", "jun", "junio", "يونيو", "يونية", "حزيران"},
    {"july", "jul", "julio", "يوليو", "يولية", "تموز"},
    {"august", "aug", "agosto", "أغسطس", "اغسطس", "آب"},
    {"september", "sep", "sept", "septiembre", "setiembre", "سبتمبر", "أيلول"},
    {"october", "oct", "octubre", "أكتوبر", "اكتوبر", "تشرين الأول"},
    {"november", "nov", "noviembre", "نوفمبر", "تشرين الثاني"},
    {"december", "dec", "diciembre", "ديسمبر", "كانون الأول"}
  };

  /** Normalized name to month number 1-12. */
  static final Map<String, Integer> BY_NAME = byName();

  /** A regex alternation of every name, longest first. */
  static final String ALTERNATION = Phrases.of(names()).alternation();

  private Months() {}

  private static Map<String, Integer> byName() {
    var map = new LinkedHashMap<String, Integer>();
    for (var month = 0; month < NAMES.length; month++) {
      for (var name : NAMES[month]) {
        map.put(Text.normalize(name).strip(), month + 1);
      }
    }
    return Map.copyOf(map);
  }

  private static String[] names() {
    return java.util.Arrays.stream(NAMES).flatMap(java.util.Arrays::stream).toArray(String[]::new);
  }
}
