package io.carebook.patients;

import io.carebook.shared.ProblemException;
import java.text.Normalizer;
import java.util.Locale;

/**
 * The form an identifier is hashed in, so that it is found however it was typed: spaces, dashes,
 * dots and slashes dropped, digits of any script made ASCII, letters upper-cased.
 */
final class IdentifierValues {

  private IdentifierValues() {}

  static String normalize(String typed) {
    var text = Normalizer.normalize(typed, Normalizer.Form.NFKC);
    var out = new StringBuilder();
    text.codePoints()
        .forEach(
            c -> {
              if (Character.isDigit(c)) {
                out.append(Character.digit(c, 10));
              } else if (Character.isLetter(c)) {
                out.appendCodePoint(c);
              } else if (!Character.isWhitespace(c) && "-./_".indexOf(c) < 0) {
                out.append('\u0000'); // anything else makes the value invalid
              }
            });
    return out.toString().toUpperCase(Locale.ROOT);
  }

  /** The normalized value, or a field error naming {@code field}. */
  static String checked(String field, String typed) {
    var value = typed == null ? "" : normalize(typed);
    if (value.isEmpty() || value.length() > 40 || value.indexOf('\u0000') >= 0) {
      throw ProblemException.invalid(field, "must be 1 to 40 letters or digits");
    }
    return value;
  }
}
