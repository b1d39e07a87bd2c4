package io.carebook.conversations.understanding;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A message brought to one comparable form: Western digits, lower case, no accents or Arabic
 * diacritics (so "mañana" and "manana", "غداً" and "غدا", "أ" and "ا" meet), ta marbuta as ha, alef
 * maqsura as ya, and words separated by single spaces with a space at each end, so a phrase is
 * found as {@code " phrase "}.
 */
final class Text {

  private static final Pattern MERIDIEM =
      Pattern.compile("(?<=\\d)\\s*([ap])\\.?\\s?m\\.?(?![\\p{L}])");
  private static final Pattern DOTTED_DATE =
      Pattern.compile("(?<!\\d)(\\d{1,2})\\.(\\d{1,2})\\.(\\d{2,4})(?!\\d)");
  private static final Pattern DOTTED_TIME =
      Pattern.compile("(?<![\\d:.])(\\d{1,2})\\.(00|15|30|45)(?![\\d.])");
  private static final Pattern MARKS = Pattern.compile("[\\p{Mn}\\u0640]");
  private static final Pattern DIGIT_ARABIC =
      Pattern.compile("(?<=\\d)(?=\\p{IsArabic})|(?<=\\p{IsArabic})(?=\\d)");
  private static final Pattern ARABIC_AND = Pattern.compile("(?<= )و(?=ال|\\d)");
  private static final Pattern LOOSE_DASH = Pattern.compile("(?<!\\d)[-/:]|[-/:](?!\\d)");
  private static final Pattern NOT_KEPT = Pattern.compile("[^\\p{L}\\p{N}:/\\-]+");

  private Text() {}

  /** The comparable form of {@code text}, padded with one space on each side. */
  static String normalize(String text) {
    var s = westernDigits(text).toLowerCase(Locale.ROOT);
    s = MERIDIEM.matcher(s).replaceAll(" $1m");
    s = DOTTED_DATE.matcher(s).replaceAll("$1/$2/$3");
    s = DOTTED_TIME.matcher(s).replaceAll("$1:$2");
    s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
    s = s.replace('ة', 'ه').replace('ى', 'ي').replace('،', ' ').replace('؟', ' ');
    s = DIGIT_ARABIC.matcher(s).replaceAll(" ");
    s = NOT_KEPT.matcher(s).replaceAll(" ");
    s = LOOSE_DASH.matcher(s).replaceAll(" ");
    s = " " + s.strip().replaceAll("\\s+", " ") + " ";
    return ARABIC_AND.matcher(s).replaceAll("و ").replaceAll("\\s+", " ");
  }

  /** Arabic-Indic (٠-٩) and Extended Arabic-Indic (۰-۹) digits as 0-9. */
  static String westernDigits(String text) {
    var out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              if (c >= '٠' && c <= '٩') {
                out.append((char) ('0' + c - '٠'));
              } else if (c >= '۰' && c <= '۹') {
                out.append((char) ('0' + c - '۰'));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.toString();
  }

  static boolean hasArabicLetters(String text) {
    return text.codePoints()
        .anyMatch(
            c ->
                Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC
                    && Character.isLetter(c));
  }
}
