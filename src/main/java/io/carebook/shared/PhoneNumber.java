package io.carebook.shared;

import com.fasterxml.jackson.annotation.JsonValue;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import java.util.Optional;

/**
 * A phone number in E.164. Parsed from whatever a person typed: spaces, dashes, brackets, a
 * national prefix, or Arabic-Indic digits, read in the clinic's country.
 */
public record PhoneNumber(@JsonValue String e164) {

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  public PhoneNumber {
    if (!e164.matches("\\+[1-9][0-9]{6,14}")) {
      throw new IllegalArgumentException("not E.164");
    }
  }

  /**
   * Reads a typed number; empty when it is not a possible phone number.
   *
   * @param typed what the person typed, in any digits
   * @param region the ISO 3166 country used when the number has no international prefix
   */
  public static Optional<PhoneNumber> parse(String typed, String region) {
    try {
      var number = UTIL.parse(typed, region);
      if (!UTIL.isPossibleNumber(number)) {
        return Optional.empty();
      }
      return Optional.of(new PhoneNumber(UTIL.format(number, PhoneNumberFormat.E164)));
    } catch (NumberParseException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * The ISO 3166 country of the number ("EG"): of its range where known, else the main country of
   * its calling code; "ZZ" when there is none.
   */
  public String region() {
    try {
      var number = UTIL.parse(e164, "ZZ");
      var region = UTIL.getRegionCodeForNumber(number);
      return region != null ? region : UTIL.getRegionCodeForCountryCode(number.getCountryCode());
    } catch (NumberParseException e) {
      return "ZZ";
    }
  }

  /** The digits of a partially typed number, for search as you type. */
  public static String digitsOf(String typed) {
    var digits = new StringBuilder();
    typed
        .codePoints()
        .filter(Character::isDigit)
        .forEach(c -> digits.append(Character.digit(c, 10)));
    return digits.toString();
  }

  @Override
  public String toString() {
    return e164;
  }
}
