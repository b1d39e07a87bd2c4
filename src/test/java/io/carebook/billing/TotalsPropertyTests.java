package io.carebook.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Properties of invoice arithmetic over thousands of random invoices (a seeded generator, so a
 * failure names the seed that reproduces it): every figure is whole minor units, never negative,
 * each line's total is its gross less its discount plus its tax, the tax is the exact tax rounded
 * to the nearest unit, and the invoice's figures are the sums of its lines'.
 */
class TotalsPropertyTests {

  private static final BigDecimal[] RATES = {
    BigDecimal.ZERO,
    new BigDecimal("5"),
    new BigDecimal("12"),
    new BigDecimal("14"),
    new BigDecimal("16"),
    new BigDecimal("18"),
    new BigDecimal("28"),
    new BigDecimal("7.125")
  };

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 20261122})
  void totalsAreTheSumOfLinesPlusTaxesMinusDiscounts(long seed) {
    var random = new Random(seed);
    for (int invoice = 0; invoice < 1000; invoice++) {
      var lines = new ArrayList<Totals.Line>();
      var count = 1 + random.nextInt(12);
      for (int i = 0; i < count; i++) {
        lines.add(randomLine(random, seed, invoice));
      }
      var sums = Totals.sum(lines);
      assertThat(sums.subtotal()).isEqualTo(lines.stream().mapToLong(Totals.Line::gross).sum());
      assertThat(sums.discount()).isEqualTo(lines.stream().mapToLong(Totals.Line::discount).sum());
      assertThat(sums.tax()).isEqualTo(lines.stream().mapToLong(Totals.Line::tax).sum());
      assertThat(sums.total())
          .as("seed %d invoice %d", seed, invoice)
          .isEqualTo(sums.subtotal() - sums.discount() + sums.tax())
          .isEqualTo(lines.stream().mapToLong(Totals.Line::total).sum())
          .isNotNegative();
    }
  }

  private static Totals.Line randomLine(Random random, long seed, int invoice) {
    var quantity = 1 + random.nextInt(1000);
    var unitPrice = random.nextInt(10) == 0 ? 0 : (long) random.nextInt(10_000_000);
    var rate = RATES[random.nextInt(RATES.length)];
    Totals.Discount discount =
        switch (random.nextInt(3)) {
          case 0 -> Totals.Discount.NONE;
          case 1 -> new Totals.Discount.Percent(BigDecimal.valueOf(random.nextInt(10_001), 2));
          default ->
              new Totals.Discount.Amount((long) (quantity * unitPrice * random.nextDouble()));
        };
    var line = Totals.line(quantity, unitPrice, discount, rate);
    var context = String.format("seed %d invoice %d: %s", seed, invoice, line);
    assertThat(line.gross()).as(context).isEqualTo(quantity * unitPrice);
    assertThat(line.discount()).as(context).isBetween(0L, line.gross());
    assertThat(line.tax()).as(context).isNotNegative();
    assertThat(line.total()).as(context).isEqualTo(line.gross() - line.discount() + line.tax());
    var exact =
        BigDecimal.valueOf(line.gross() - line.discount())
            .multiply(rate)
            .divide(BigDecimal.valueOf(100), 10, RoundingMode.HALF_UP);
    assertThat(exact.subtract(BigDecimal.valueOf(line.tax())).abs())
        .as(context)
        .isLessThanOrEqualTo(new BigDecimal("0.5"));
    return line;
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {7, 11})
  void aDiscountLargerThanTheLineIsRefused(long seed) {
    var random = new Random(seed);
    for (int i = 0; i < 200; i++) {
      var quantity = 1 + random.nextInt(10);
      var price = 1 + random.nextInt(100_000);
      var gross = (long) quantity * price;
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () ->
                  Totals.line(
                      quantity, price, new Totals.Discount.Amount(gross + 1), BigDecimal.ZERO))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
