package io.carebook.patients;

import io.carebook.shared.ProblemException;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Tags are short labels ("diabetic", "vip", "home-visit"), kept in lower case, spaces as dashes.
 */
final class Tags {

  private Tags() {}

  static String normalize(String typed) {
    var text = Normalizer.normalize(typed == null ? "" : typed, Normalizer.Form.NFKC);
    return text.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-");
  }

  static String checked(String typed) {
    var tag = normalize(typed);
    if (tag.isEmpty() || tag.length() > 40 || !tag.matches("[\\p{L}\\p{M}\\p{Nd}-]+")) {
      throw ProblemException.invalid("tag", "must be 1 to 40 letters, digits or dashes");
    }
    return tag;
  }
}
