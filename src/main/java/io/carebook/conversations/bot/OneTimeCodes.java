package io.carebook.conversations.bot;

import java.util.regex.Pattern;

/**
 * Masks one-time codes in a transcript line: a run of 4 to 8 digits (in any script) standing alone,
 * in a text that names a code (code, PIN, OTP, código, رمز, كود). Times, dates and phone numbers
 * are left alone: they are not standalone runs of that length, or the text names no code.
 */
final class OneTimeCodes {

  static final String MASK = "••••";

  private static final Pattern NAMES_A_CODE =
      Pattern.compile("(?iu)\\b(code|pin|otp|passcode|c[oó]digo|clave)\\b|رمز|كود|الرمز|الكود");
  private static final Pattern CODE =
      Pattern.compile("(?<![\\p{Nd}:/.\\-+])\\p{Nd}{4,8}(?![\\p{Nd}:/.\\-])");

  private OneTimeCodes() {}

  static String masked(String text) {
    if (!NAMES_A_CODE.matcher(text).find()) {
      return text;
    }
    return CODE.matcher(text).replaceAll(MASK);
  }
}
