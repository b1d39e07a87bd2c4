package io.carebook.conversations.understanding;

import org.jspecify.annotations.Nullable;

/**
 * Yes or no, in any of the three languages or as an emoji. When a message holds both, the one said
 * first counts ("no, mejor sí" reads as no).
 */
final class YesNo {

  private static final Phrases YES =
      Phrases.of(
          "yes",
          "yeah",
          "yea",
          "yep",
          "yup",
          "sure",
          "ok",
          "okay",
          "okey",
          "k",
          "alright",
          "all right",
          "of course",
          "correct",
          "fine",
          "sounds good",
          "si",
          "sí",
          "claro",
          "dale",
          "vale",
          "de acuerdo",
          "correcto",
          "por supuesto",
          "está bien",
          "esta bien",
          "perfecto",
          "listo",
          "نعم",
          "اه",
          "آه",
          "أه",
          "ايوه",
          "أيوه",
          "ايوة",
          "أيوة",
          "ايوا",
          "أيوا",
          "ماشي",
          "تمام",
          "أكيد",
          "اكيد",
          "طيب",
          "موافق",
          "موافقة",
          "اوكي",
          "أوكي",
          "اوك",
          "حاضر",
          "صح");
  private static final Phrases NO =
      Phrases.of(
          "no",
          "nope",
          "nah",
          "not now",
          "no thanks",
          "no gracias",
          "para nada",
          "لا",
          "لأ",
          "لاء",
          "لا شكرا",
          "مش عايز",
          "مش عاوز",
          "مش موافق",
          "مش هقدر",
          "كلا");
  private static final String YES_EMOJI = "👍✅👌🆗";
  private static final String NO_EMOJI = "👎❌🚫";

  private YesNo() {}

  static @Nullable Boolean in(String original, String normalized) {
    var yes = YES.firstIndexIn(normalized);
    var no = NO.firstIndexIn(normalized);
    if (yes >= 0 || no >= 0) {
      return no < 0 || (yes >= 0 && yes < no);
    }
    if (original.codePoints().anyMatch(c -> YES_EMOJI.indexOf(Character.toString(c)) >= 0)) {
      return true;
    }
    return original.codePoints().anyMatch(c -> NO_EMOJI.indexOf(Character.toString(c)) >= 0)
        ? false
        : null;
  }
}
