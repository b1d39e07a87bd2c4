package io.carebook.billing;

import io.carebook.shared.Money;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * Amounts as a printed invoice writes them: the locale's currency pattern for totals and payments
 * (the pages' pattern, {@link Money#format}: "EGP 1,250.50", "1.250,50 EGP", "1,250.50 ج.م."), the
 * locale's number pattern in the lines, and a true minus sign (−) before what is taken off, in
 * every language. The bidi marks the patterns carry are dropped: the PDF sets each amount's
 * direction itself and its font draws no marks.
 */
record PrintedAmounts(Locale locale) {

  static final String MINUS = "\u2212";

  /** An amount with its currency, in the locale's pattern. */
  public String money(Money money) {
    var positive = money.isNegative() ? money.times(-1) : money;
    return signed(positive.format(locale), money.isNegative());
  }

  /**
   * An amount taken off (a discount): always with a minus sign, whatever sign it is stored with.
   */
  public String minus(Money money) {
    return MINUS + money(money.isNegative() ? money.times(-1) : money).replace(MINUS, "");
  }

  /** An amount in a line, without its currency (said once, in the totals). */
  public String number(Money money) {
    var format = NumberFormat.getNumberInstance(locale);
    var digits = money.currency().getDefaultFractionDigits();
    format.setMinimumFractionDigits(Math.max(0, digits));
    format.setMaximumFractionDigits(Math.max(0, digits));
    return signed(format.format(money.amount().abs()), money.isNegative());
  }

  /** A line's discount, with its minus sign. */
  public String minusNumber(Money money) {
    return MINUS + number(money.isNegative() ? money.times(-1) : money).replace(MINUS, "");
  }

  /** One piece of an amount as laid out: its number or its currency symbol. */
  public record Piece(String text, boolean number) {}

  /**
   * An amount with its currency for a right-to-left page, as pieces in the order they sit on the
   * paper from left to right, each set in its own cell: in one run the PDF renderer lets a minus
   * sign or the symbol's final dot wander to the other side of the number. The number keeps its
   * sign on its left.
   */
  public java.util.List<Piece> rightToLeft(Money money, boolean takenOff) {
    var format = NumberFormat.getCurrencyInstance(locale);
    format.setCurrency(money.currency());
    var amount = money.amount().abs();
    var text = format.format(amount);
    var iterator = format.formatToCharacterIterator(amount);
    var symbol = new StringBuilder();
    var number = new StringBuilder();
    var symbolFirst = false;
    for (var c = iterator.first(); c != java.text.CharacterIterator.DONE; c = iterator.next()) {
      if (iterator.getAttribute(NumberFormat.Field.CURRENCY) != null) {
        symbolFirst |= number.isEmpty();
        symbol.append(c);
      } else {
        number.append(c);
      }
    }
    var pieces = new java.util.ArrayList<Piece>();
    var symbolText = signed(symbol.toString(), false);
    var numberText = signed(symbolText.isEmpty() ? text : number.toString(), false);
    // read from the right: the first piece in reading order sits on the right
    if (!symbolText.isEmpty() && !symbolFirst) {
      pieces.add(new Piece(symbolText, false));
    }
    pieces.add(new Piece((takenOff || money.isNegative() ? MINUS : "") + numberText, true));
    if (!symbolText.isEmpty() && symbolFirst) {
      pieces.add(new Piece(symbolText, false));
    }
    return java.util.List.copyOf(pieces);
  }

  private static String signed(String formatted, boolean negative) {
    var clean = formatted.replaceAll("[\\u200e\\u200f\\u061c\\u2066-\\u2069]", "").strip();
    return negative ? MINUS + clean : clean;
  }
}
