package io.carebook.patients;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The normalized form of a name, used to match people however their name was typed: case, accents
 * and diacritics, Arabic letter variants (alef forms, taa marbuta, alef maqsura), Arabic short
 * vowels and tatweel, and spacing do not matter. The name itself is stored as typed.
 */
public final class PersonName {

  private static final Pattern MARKS = Pattern.compile("[\\p{M}\\u0640]");
  private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");
  private static final Pattern PUNCTUATION = Pattern.compile("[\\p{P}\\p{S}&&[^']]");

  private PersonName() {}

  public static String normalize(String typed) {
    var text = Normalizer.normalize(typed, Normalizer.Form.NFKD);
    text = MARKS.matcher(text).replaceAll("");
    text = foldArabic(text).toLowerCase(Locale.ROOT);
    text = PUNCTUATION.matcher(text).replaceAll(" ");
    return SPACES.matcher(text).replaceAll(" ").trim();
  }

  private static String foldArabic(String text) {
    var folded = new StringBuilder(text.length());
    text.codePoints()
        .map(
            c ->
                switch (c) {
                  case 'أ', 'إ', 'آ', 'ٱ' -> 'ا';
                  case 'ى' -> 'ي';
                  case 'ة' -> 'ه';
                  case 'ؤ' -> 'و';
                  case 'ئ' -> 'ي';
                  default -> c;
                })
        .forEach(folded::appendCodePoint);
    return folded.toString();
  }
}
