package io.carebook.shared.logging;

import java.util.regex.Pattern;

/**
 * Masks what looks like personal data in text bound for the logs: e-mail addresses, phone numbers
 * and other long digit runs (national and insurance ids), in any digits. Names cannot be recognized
 * reliably, so the rule for them is simpler: code never logs them.
 */
public final class PersonalData {

  // the invented demo accounts (…@….demo) are not anybody's data: the demo banner shows them
  private static final Pattern EMAIL =
      Pattern.compile(
          "[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+\\.(?!demo(?![\\p{L}\\p{N}]))[\\p{L}]{2,}");
  // seven or more digits, possibly grouped by spaces, dots, dashes or brackets, not inside a word,
  // and not a date (2026-11-22 01:29 is a timestamp, not a phone number)
  private static final Pattern DIGITS =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}])(?!\\d{4}-\\d{2}-\\d{2})\\+?\\(?\\p{Nd}(?:[\\s().-]{0,2}\\p{Nd}){6,}(?![\\p{L}\\p{N}])");

  private PersonalData() {}

  public static String mask(String text) {
    if (text.isEmpty()) {
      return text;
    }
    var masked = EMAIL.matcher(text).replaceAll("<email>");
    return DIGITS.matcher(masked).replaceAll("<digits>");
  }
}
