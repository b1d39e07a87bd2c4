package io.carebook.shared;

import org.jspecify.annotations.Nullable;

/**
 * One cell of a CSV export (RFC 4180) that a spreadsheet shows as the text it is and never runs: a
 * value starting with a character a spreadsheet reads as a formula ({@code = + - @}, tab or
 * carriage return) is prefixed with an apostrophe, and a value holding a separator, quote or line
 * break is quoted, so no part of it starts a cell of its own. Every CSV export uses it.
 */
public final class CsvCells {

  private static final String FORMULA_LEADING = "=+-@\t\r";

  private CsvCells() {}

  public static String cell(@Nullable String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    var safe = FORMULA_LEADING.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    return needsQuotes(safe) ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
  }

  /**
   * A comma or quote, a line break, or a semicolon (the separator of spreadsheets in many locales).
   */
  private static boolean needsQuotes(String value) {
    return value.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r' || c == ';');
  }
}
