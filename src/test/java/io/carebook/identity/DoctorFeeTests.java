package io.carebook.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.shared.UserId;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The Team page writes a doctor's fee as every other amount: in the language's pattern. */
class DoctorFeeTests {

  private static DoctorProfiles.Profile withFee(String fee, String currency) {
    return new DoctorProfiles.Profile(
        new UserId(UUID.randomUUID()),
        "Dr Test",
        null,
        null,
        fee == null ? null : new BigDecimal(fee),
        currency,
        List.of());
  }

  @Test
  void theFeeIsWrittenInTheLanguagesCurrencyPattern() {
    assertThat(withFee("1234.5", "EUR").fee(Locale.forLanguageTag("es")))
        .isEqualTo("1.234,50\u00a0€");
    assertThat(withFee("350", "EGP").fee(Locale.ENGLISH)).isEqualTo("EGP\u00a0350.00");
    assertThat(withFee(null, null).fee(Locale.ENGLISH)).isNull();
  }
}
