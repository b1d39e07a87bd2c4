package io.carebook.billing;

import io.carebook.shared.ProblemException;
import java.util.function.BooleanSupplier;
import org.springframework.http.HttpStatus;

/**
 * How much of a line anyone who may bill can take off: up to {@code freePercent}% of its gross;
 * more only when {@code mayExceed} says so (a member whose role may also void invoices, or the
 * system). Asked only when a line's discount is over the limit.
 */
record DiscountLimit(int freePercent, BooleanSupplier mayExceed) {

  /** The largest discount, in percent of a line, that anyone who may bill can give. */
  static final int FREE_PERCENT = 10;

  /** No limit: the system's own lines (a visit's consultation) carry no discount anyway. */
  static final DiscountLimit NONE = new DiscountLimit(100, () -> true);

  static DiscountLimit unless(BooleanSupplier mayExceed) {
    return new DiscountLimit(FREE_PERCENT, mayExceed);
  }

  /** Refuses a line whose discount is over the limit, unless it may be exceeded. */
  void check(Totals.Line figures) {
    if (figures.discount() * 100 > figures.gross() * freePercent && !mayExceed.getAsBoolean()) {
      throw new ProblemException(
              HttpStatus.FORBIDDEN,
              "discount-limit",
              "A discount of more than " + freePercent + "% needs a manager.")
          .property("limitPercent", freePercent);
    }
  }
}
