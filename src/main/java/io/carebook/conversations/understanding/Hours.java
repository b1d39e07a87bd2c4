package io.carebook.conversations.understanding;

import java.util.LinkedHashMap;
import java.util.Map;

/** Hours written as words: "five", "cinco", "خمسة", "الخامسة", from one to twelve. */
final class Hours {

  private static final String[][] WORDS = {
    {"one", "una", "uno", "واحدة", "وحدة", "الواحدة"},
    {"two", "dos", "اتنين", "اثنين", "الثانية"},
    {"three", "tres", "تلاتة", "ثلاثة", "الثالثة", "التالتة"},
    {"four", "cuatro", "أربعة", "اربعة", "الرابعة"},
    {"five", "cinco", "خمسة", "الخامسة"},
    {"six", "seis", "ستة", "السادسة"},
    {"seven", "siete", "سبعة", "السابعة"},
    {"eight", "ocho", "تمانية", "ثمانية", "الثامنة", "التامنة"},
    {"nine", "nueve", "تسعة", "التاسعة"},
    {"ten", "diez", "عشرة", "العاشرة"},
    {"eleven", "once", "حداشر", "احداشر", "الحادية عشرة", "الحادية عشر"},
    {"twelve", "doce", "اتناشر", "اطناشر", "الثانية عشرة", "الثانية عشر"}
  };

  static final Map<String, Integer> BY_WORD = byWord();

  /** Digits or an hour word, as a regex alternation (longest first). */
  static final String ALTERNATION =
      "\\d{1,2}|"
          + Phrases.of(
                  java.util.Arrays.stream(WORDS)
                      .flatMap(java.util.Arrays::stream)
                      .toArray(String[]::new))
              .alternation();

  private Hours() {}

  static int valueOf(String hour) {
    var word = BY_WORD.get(hour);
    return word != null ? word : Integer.parseInt(hour);
  }

  private static Map<String, Integer> byWord() {
    var map = new LinkedHashMap<String, Integer>();
    for (var hour = 0; hour < WORDS.length; hour++) {
      for (var word : WORDS[hour]) {
        map.put(Text.normalize(word).strip(), hour + 1);
      }
    }
    return Map.copyOf(map);
  }
}
