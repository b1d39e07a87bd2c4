package io.carebook.shared;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a language writes an amount of a currency: the locale whose pattern {@link Money#format}
 * uses, and the touches the JDK's formats leave out (a space between a currency code and its
 * digits, India's lakh grouping).
 */
final class MoneyConventions {

  private static final Pattern CODE_BEFORE_DIGIT = Pattern.compile("(\\p{IsLatin})(\\d)");
  private static final Pattern DIGIT_BEFORE_CODE = Pattern.compile("(\\d)(\\p{IsLatin})");
  private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(?:,\\d{3})+");

  private MoneyConventions() {}

  /**
   * {@code locale} itself when it names a country; otherwise the locale of that language in the
   * currency's country (en + INR is en-IN, es + MXN is es-MX, es + EUR is es-ES), if there is one.
   */
  static Locale of(Locale locale, Currency currency) {
    var chosen = locale;
    if (locale.getCountry().isEmpty()) {
      chosen =
          Arrays.stream(Locale.getAvailableLocales())
              .filter(l -> l.getLanguage().equals(locale.getLanguage()))
              .filter(l -> l.getCountry().length() == 2 && l.getVariant().isEmpty())
              .filter(l -> l.getScript().isEmpty())
              .filter(l -> currency.equals(currencyOf(l)))
              // the language's own country first (es-ES for euros), then the first by name
              .min(
                  Comparator.comparing(
                          (Locale l) -> !l.getCountry().equalsIgnoreCase(l.getLanguage()))
                      .thenComparing(Locale::toLanguageTag))
              .orElse(locale);
    }
    if (chosen.getLanguage().equals("ar")) {
      // the pages write Arabic with Latin digits; amounts too
      chosen = new Locale.Builder().setLocale(chosen).setUnicodeLocaleKeyword("nu", "latn").build();
    }
    return chosen;
  }

  /** The formatted amount with a space after or before a currency code, grouped as in India. */
  static String finish(String formatted, Locale conventions) {
    var text = CODE_BEFORE_DIGIT.matcher(formatted).replaceAll("$1\u00a0$2");
    text = DIGIT_BEFORE_CODE.matcher(text).replaceAll("$1\u00a0$2");
    if (conventions.getCountry().equals("IN")) {
      text = GROUPED.matcher(text).replaceAll(m -> lakhs(m.group().replace(",", "")));
    }
    return text;
  }

  /** 1234567 as 12,34,567: the last three digits, then pairs. */
  private static String lakhs(String digits) {
    if (digits.length() <= 3) {
      return digits;
    }
    var head = digits.substring(0, digits.length() - 3);
    var grouped = new StringBuilder();
    for (int i = 0; i < head.length(); i++) {
      if (i > 0 && (head.length() - i) % 2 == 0) {
        grouped.append(',');
      }
      grouped.append(head.charAt(i));
    }
    return grouped + "," + digits.substring(digits.length() - 3);
  }

  private static Currency currencyOf(Locale locale) {
    try {
      return Currency.getInstance(locale);
    } catch (IllegalArgumentException noCurrency) {
      return null;
    }
  }
}
