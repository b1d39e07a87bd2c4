package io.carebook.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The arithmetic of an invoice, in whole minor units. A line's gross is quantity × unit price; its
 * discount (an amount, or a percentage of the gross rounded half up to the minor unit) never
 * exceeds the gross; its tax is the rate applied to what remains, rounded half up; its total is
 * gross − discount + tax. The invoice's figures are the sums of its lines', so they always add up.
 */
final class Totals {

  private Totals() {}

  /** A discount on a line: a percentage of the gross, or an amount. */
  sealed interface Discount {
    Discount NONE = new Amount(0);

    record Percent(BigDecimal percent) implements Discount {
      public Percent {
        if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
          throw new IllegalArgumentException("a percentage is between 0 and 100");
        }
      }
    }

    record Amount(long minor) implements Discount {
      public Amount {
        if (minor < 0) {
          throw new IllegalArgumentException("a discount is not negative");
        }
      }
    }
  }

  /** A line's figures. */
  record Line(long gross, long discount, long tax, long total) {}

  /** An invoice's figures. */
  record Sums(long subtotal, long discount, long tax, long total) {}

  static Line line(int quantity, long unitPrice, Discount discount, BigDecimal taxRate) {
    if (quantity < 1 || unitPrice < 0 || taxRate.signum() < 0) {
      throw new IllegalArgumentException("quantity, price and tax rate must be positive");
    }
    var gross = Math.multiplyExact(quantity, unitPrice);
    var off =
        switch (discount) {
          case Discount.Percent p -> ofPercent(gross, p.percent());
          case Discount.Amount a -> a.minor();
        };
    if (off > gross) {
      throw new IllegalArgumentException("a discount is not more than the line");
    }
    var tax = ofPercent(gross - off, taxRate);
    return new Line(gross, off, tax, gross - off + tax);
  }

  static Sums sum(List<Line> lines) {
    long subtotal = 0;
    long discount = 0;
    long tax = 0;
    long total = 0;
    for (var l : lines) {
      subtotal = Math.addExact(subtotal, l.gross());
      discount = Math.addExact(discount, l.discount());
      tax = Math.addExact(tax, l.tax());
      total = Math.addExact(total, l.total());
    }
    return new Sums(subtotal, discount, tax, total);
  }

  /**
   * The tax inside a credit note of {@code amount} on an invoice of {@code total} carrying {@code
   * tax}, after credit notes of {@code creditedBefore} carrying {@code taxBefore}: the invoice's
   * proportion of tax applied to everything credited so far, rounded half up, less what earlier
   * notes carried. So the notes' taxes always add up to the proportion of their sum, and crediting
   * the whole invoice gives back exactly its tax.
   */
  static long creditTax(long creditedBefore, long taxBefore, long amount, long tax, long total) {
    if (amount <= 0 || creditedBefore < 0 || creditedBefore + amount > total) {
      throw new IllegalArgumentException("a credit is positive and within the invoice's total");
    }
    var cumulative =
        BigDecimal.valueOf(creditedBefore + amount)
            .multiply(BigDecimal.valueOf(tax))
            .divide(BigDecimal.valueOf(total), 0, RoundingMode.HALF_UP)
            .longValueExact();
    return cumulative - taxBefore;
  }

  private static long ofPercent(long minor, BigDecimal percent) {
    return BigDecimal.valueOf(minor)
        .multiply(percent)
        .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)
        .longValueExact();
  }
}
