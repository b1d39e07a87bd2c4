package io.carebook.clinical;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An ICD-10 code as written: a letter (not U, which WHO reserves), two digits (or a digit and A/B
 * for some chapters), then optionally a dot and up to four more characters, e.g. {@code J06.9},
 * {@code E11}, {@code S72.001A}. Typed in any case, with or without the dot after the category.
 */
final class Icd10Codes {

  static final Pattern CODE = Pattern.compile("^[A-TV-Z][0-9][0-9AB](\\.[0-9A-TV-Z]{1,4})?$");

  private Icd10Codes() {}

  /** The code in its usual form, or null when none was typed. */
  static @Nullable String normalize(@Nullable String typed) {
    if (typed == null || typed.isBlank()) {
      return null;
    }
    var code = typed.strip().toUpperCase(Locale.ROOT).replace(" ", "");
    if (code.length() > 3 && code.charAt(3) != '.') {
      code = code.substring(0, 3) + "." + code.substring(3);
    }
    return code;
  }

  static boolean valid(String normalized) {
    return CODE.matcher(normalized).matches();
  }
}
