package io.carebook.notifications;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a patient's one-word reply means, in English, Spanish and Arabic. Case, accents, Arabic
 * hamza and alef variants and surrounding punctuation do not matter; anything else is a message for
 * the staff.
 *
 * <ul>
 *   <li>CONFIRM: YES, Y, CONFIRM, 1 · SI, SÍ, CONFIRMAR · نعم, تأكيد, اكد
 *   <li>CANCEL: CANCEL, 2 · CANCELAR · إلغاء, الغاء
 *   <li>STOP (no more messages): STOP, UNSUBSCRIBE · BAJA, PARAR · إيقاف, توقف, إلغاء الاشتراك
 *   <li>START (messages again): START · ALTA · اشتراك
 * </ul>
 */
public enum ReplyKeywords {
  CONFIRM,
  CANCEL,
  STOP,
  START,
  OTHER;

  private static final Map<ReplyKeywords, Set<String>> WORDS =
      Map.of(
          CONFIRM, Set.of("yes", "y", "confirm", "1", "si", "confirmar", "نعم", "تاكيد", "اكد"),
          CANCEL, Set.of("cancel", "2", "cancelar", "الغاء"),
          STOP, Set.of("stop", "unsubscribe", "baja", "parar", "ايقاف", "توقف", "الغاء الاشتراك"),
          START, Set.of("start", "alta", "اشتراك"));

  static ReplyKeywords of(String text) {
    var word = normalize(text);
    return WORDS.entrySet().stream()
        .filter(e -> e.getValue().contains(word))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(OTHER);
  }

  static String normalize(String text) {
    var stripped =
        Normalizer.normalize(text, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "") // accents, and Arabic diacritics and hamza marks
            .replaceAll("[أإآٱ]", "ا")
            .replaceAll("[^\\p{L}\\p{N} ]", " ")
            .replaceAll("\\s+", " ")
            .strip();
    return stripped.toLowerCase(Locale.ROOT);
  }
}
