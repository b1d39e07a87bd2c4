package io.carebook.conversations.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The transcript's second masking of one-time codes, and what it leaves alone. */
class OneTimeCodesTests {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Your code is 482913|Your code is ••••••",
        "Su código: 1234.|Su código: ••••.",
        "رمز التحقق ٤٨٢٩١٣|رمز التحقق ••••••",
        "PIN 00451 then 77|PIN ••••• then 77",
        "Your code is ••••••|Your code is ••••••",
        "Tomorrow at 17:00, 2026-12-08|Tomorrow at 17:00, 2026-12-08",
        "Call +201001234567 please|Call +201001234567 please",
        "The code for the gate is on 12/2026 card|The code for the gate is on 12/2026 card",
        "Booked for 1030 tomorrow|Booked for 1030 tomorrow"
      })
  void codesAreMaskedOnlyWhereALineSpeaksOfOne(String stored, String shown) {
    assertThat(OneTimeCodes.mask(stored)).isEqualTo(shown);
  }
}
