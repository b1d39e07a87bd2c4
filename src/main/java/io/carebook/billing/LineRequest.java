package io.carebook.billing;

import io.carebook.shared.Money;
import io.carebook.shared.ProblemException;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A line asked for, read and checked field by field but not yet figured: a service of the catalog
 * (its name, price and tax rate unless given), or a description and a price, with a discount as a
 * percentage or an amount. {@link Invoice#addLine} figures it and guards the discount.
 */
record LineRequest(
    @Nullable UUID serviceId,
    String description,
    int quantity,
    Money price,
    Totals.Discount discount,
    @Nullable String discountReason,
    BigDecimal taxRate) {

  /** One of a service or a fee, undiscounted: a visit's consultation. */
  static LineRequest one(
      @Nullable UUID serviceId, String description, Money price, BigDecimal taxRate) {
    return new LineRequest(serviceId, description, 1, price, Totals.Discount.NONE, null, taxRate);
  }

  static LineRequest of(
      Billing.NewLine line, Catalog.@Nullable BillableService service, Currency currency) {
    var description =
        line.description() != null && !line.description().isBlank()
            ? line.description().strip()
            : service == null ? null : service.name();
    if (description == null || description.length() > 200) {
      throw ProblemException.invalid("description", "is required (at most 200 characters)");
    }
    var quantity = line.quantity() == null ? 1 : line.quantity();
    if (quantity < 1 || quantity > 1000) {
      throw ProblemException.invalid("quantity", "must be between 1 and 1000");
    }
    var price =
        line.unitPrice() != null
            ? Catalog.money(line.unitPrice(), "unitPrice", currency)
            : service == null ? null : service.price();
    if (price == null) {
      throw ProblemException.invalid("unitPrice", "is required for a line that is not a service");
    }
    return new LineRequest(
        service == null ? null : service.id(),
        description,
        quantity,
        price,
        discount(line, currency),
        line.discountReason(),
        service == null ? BigDecimal.ZERO : service.taxRate());
  }

  private static Totals.Discount discount(Billing.NewLine line, Currency currency) {
    if (line.discountPercent() != null && line.discountAmount() != null) {
      throw ProblemException.invalid("discountAmount", "give a percentage or an amount, not both");
    }
    if (line.discountPercent() != null) {
      if (line.discountPercent().signum() < 0
          || line.discountPercent().compareTo(BigDecimal.valueOf(100)) > 0) {
        throw ProblemException.invalid("discountPercent", "must be between 0 and 100");
      }
      return new Totals.Discount.Percent(line.discountPercent());
    }
    if (line.discountAmount() != null) {
      return new Totals.Discount.Amount(
          Catalog.money(line.discountAmount(), "discountAmount", currency).minor());
    }
    return Totals.Discount.NONE;
  }
}
