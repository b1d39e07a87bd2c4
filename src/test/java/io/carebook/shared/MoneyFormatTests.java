package io.carebook.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Amounts are written in each language's currency pattern, pages and PDFs alike. */
class MoneyFormatTests {

  private static final Locale EN = Locale.ENGLISH;
  private static final Locale ES = Locale.forLanguageTag("es");
  private static final Locale AR = Locale.forLanguageTag("ar");

  @Test
  void spanishWritesEurosWithDotsForThousandsAndTheSignAfter() {
    assertThat(Money.of("1234.50", "EUR").format(ES)).isEqualTo("1.234,50\u00a0€");
  }

  @Test
  void spanishWritesMexicanPesosAsMexicoDoes() {
    assertThat(Money.of("1234.50", "MXN").format(ES)).isEqualTo("$1,234.50");
  }

  @Test
  void englishWritesRupeesInLakhsAsIndiaDoes() {
    assertThat(Money.of("1234567.50", "INR").format(EN)).isEqualTo("₹12,34,567.50");
    assertThat(Money.of("999.00", "INR").format(EN)).isEqualTo("₹999.00");
  }

  @Test
  void aCurrencyCodeIsSetApartFromItsDigits() {
    assertThat(Money.of("1250.50", "EGP").format(EN)).isEqualTo("EGP\u00a01,250.50");
    assertThat(Money.of("-1250.50", "EGP").format(EN)).isEqualTo("-EGP\u00a01,250.50");
  }

  @Test
  void arabicWritesTheAmountThenThePoundSignWithLatinDigits() {
    var text = Money.of("1234.50", "EGP").format(AR);
    assertThat(text).contains("1,234.50").contains("ج.م.").doesNotContain("١");
    assertThat(text.indexOf("1,234.50")).isLessThan(text.indexOf("ج.م."));
  }

  @Test
  void aLocaleWithItsCountryKeepsItsOwnPattern() {
    assertThat(Money.of("1234.50", "EUR").format(Locale.forLanguageTag("es-ES")))
        .isEqualTo("1.234,50\u00a0€");
    assertThat(Money.of("1234.50", "USD").format(Locale.US)).isEqualTo("$1,234.50");
  }
}
