package io.carebook.shared;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * An exact amount of a currency, held as whole minor units (piastres, centavos, paise): sums never
 * drift. Amounts typed by people become minor units only when they have no more decimals than the
 * currency has (EGP, MXN and INR have two; JPY none).
 */
public record Money(long minor, Currency currency) {

  public Money {
    Objects.requireNonNull(currency);
  }

  public static Money zero(Currency currency) {
    return new Money(0, currency);
  }

  /**
   * The amount as typed, or an {@link IllegalArgumentException} when it has more decimals than the
   * currency allows.
   */
  public static Money of(BigDecimal amount, Currency currency) {
    var digits = Math.max(0, currency.getDefaultFractionDigits());
    if (amount.stripTrailingZeros().scale() > digits) {
      throw new IllegalArgumentException(
          "an amount in " + currency + " has at most " + digits + " decimals");
    }
    return new Money(amount.movePointRight(digits).longValueExact(), currency);
  }

  public static Money of(String amount, String currency) {
    return of(new BigDecimal(amount), Currency.getInstance(currency));
  }

  /** {@code amount} rounded half up to the currency's minor unit. */
  public static Money rounded(BigDecimal amount, Currency currency) {
    var digits = Math.max(0, currency.getDefaultFractionDigits());
    return new Money(
        amount.setScale(digits, RoundingMode.HALF_UP).movePointRight(digits).longValueExact(),
        currency);
  }

  /** The amount in major units, with the currency's decimals: 1250.50 (a string in JSON). */
  @JsonProperty("amount")
  @JsonFormat(shape = JsonFormat.Shape.STRING)
  public BigDecimal amount() {
    return BigDecimal.valueOf(minor, Math.max(0, currency.getDefaultFractionDigits()));
  }

  public Money plus(Money other) {
    same(other);
    return new Money(Math.addExact(minor, other.minor), currency);
  }

  public Money minus(Money other) {
    same(other);
    return new Money(Math.subtractExact(minor, other.minor), currency);
  }

  public Money times(long quantity) {
    return new Money(Math.multiplyExact(minor, quantity), currency);
  }

  @JsonIgnore
  public boolean isNegative() {
    return minor < 0;
  }

  /**
   * For people, in the locale's currency pattern: "EGP 1,250.50" in English, "1.250,50 €" in
   * Spanish, "‏1,250.50 ج.م.‏" in Arabic, "₹12,34,567.50" in English for rupees. A locale without a
   * country takes the conventions of the currency's own country when it speaks that language
   * (English for rupees writes as India does, Spanish for pesos as Mexico does); Arabic keeps the
   * Latin digits the rest of the pages use.
   */
  public String format(Locale locale) {
    var conventions = MoneyConventions.of(locale, currency);
    var format = java.text.NumberFormat.getCurrencyInstance(conventions);
    format.setCurrency(currency);
    return MoneyConventions.finish(format.format(amount()), conventions);
  }

  @Override
  public String toString() {
    return currency.getCurrencyCode() + " " + amount().toPlainString();
  }

  private void same(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException(currency + " and " + other.currency + " do not add up");
    }
  }
}
