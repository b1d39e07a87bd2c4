package io.carebook.conversations.inbox;

import java.util.regex.Pattern;

/**
 * The inbox's second line of defence for one-time codes: wacore masks them before a message is
 * stored, and a transcript masks again on display any run of 4 to 8 digits (Latin or Arabic-Indic)
 * in a line that speaks of a code, in English, Spanish or Arabic. Dates, times and phone numbers in
 * other lines are left as written.
 */
final class OneTimeCodes {

  private static final Pattern SPEAKS_OF_A_CODE =
      Pattern.compile("(?iu)\\b(code|c[oó]digo|otp|pin|verification|verificaci[oó]n)\\b|رمز|كود");
  private static final Pattern CODE =
      Pattern.compile("(?<![\\p{Nd}+\\-/:.])\\p{Nd}{4,8}(?![\\p{Nd}\\-/:.]?\\p{Nd})");

  private OneTimeCodes() {}

  static String mask(String text) {
    if (!SPEAKS_OF_A_CODE.matcher(text).find()) {
      return text;
    }
    return CODE.matcher(text).replaceAll(m -> "•".repeat(m.group().length()));
  }
}
