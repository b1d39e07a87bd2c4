package io.carebook.conversations.understanding;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Parts of the day named in words. "la mañana" is the morning while "mañana" alone is tomorrow;
 * "this morning", "esta tarde", "tonight", "الليلة" also name today. Each phrase found is replaced
 * by the marker {@code §} so an hour next to it ("5 de la tarde", "٥ العصر") is still read as a
 * time of that part of the day.
 */
final class DayParts {

  static final String MARKER = "§";

  private record Named(Phrases phrases, DayPart part, boolean today) {}

  private static final List<Named> NAMES =
      List.of(
          new Named(Phrases.of("this morning", "esta mañana"), DayPart.MORNING, true),
          new Named(Phrases.of("this afternoon", "esta tarde"), DayPart.AFTERNOON, true),
          new Named(
              Phrases.of("this evening", "tonight", "esta noche", "الليلة", "النهارده بالليل"),
              DayPart.EVENING,
              true),
          new Named(
              Phrases.of(
                  "morning",
                  "mornings",
                  "la mañana",
                  "las mañanas",
                  "الصبح",
                  "صبح",
                  "بالصبح",
                  "الصباح",
                  "صباحا",
                  "صباحاً",
                  "بدري",
                  "الصبحية"),
              DayPart.MORNING,
              false),
          new Named(
              Phrases.of(
                  "afternoon",
                  "afternoons",
                  "la tarde",
                  "las tardes",
                  "العصر",
                  "بعد الظهر",
                  "بعد الضهر",
                  "الظهر",
                  "الضهر",
                  "ظهرا",
                  "ظهراً",
                  "عصرا",
                  "عصراً"),
              DayPart.AFTERNOON,
              false),
          new Named(
              Phrases.of(
                  "evening",
                  "evenings",
                  "night",
                  "at night",
                  "la noche",
                  "las noches",
                  "بالليل",
                  "الليل",
                  "بليل",
                  "المسا",
                  "مساء",
                  "مساءً",
                  "مساءا",
                  "بالمسا",
                  "المغرب",
                  "العشا"),
              DayPart.EVENING,
              false));

  /** What was found, and the text with each phrase replaced by the marker. */
  record Found(@Nullable DayPart part, boolean today, String rest) {}

  private DayParts() {}

  static Found in(String text) {
    DayPart part = null;
    var first = Integer.MAX_VALUE;
    var today = false;
    var rest = text;
    for (var named : NAMES) {
      var at = named.phrases().firstIndexIn(rest);
      if (at < 0) {
        continue;
      }
      if (at < first) {
        first = at;
        part = named.part();
      }
      today |= named.today();
      rest = named.phrases().replaceIn(rest, MARKER);
    }
    return new Found(part, today, rest);
  }
}
