package io.carebook.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.shared.logging.PersonalData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonalDataMaskingTests {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "sent to maria.nunez@example.test today | sent to <email> today",
        "call +20 100 123 4567 now | call <digits> now",
        "call (010) 0123-4567 now | call <digits> now",
        "phone ٠١٠٠١٢٣٤٥٦٧ | phone <digits>",
        "national id 29001011234567 | national id <digits>",
        "Key (tenant_id, phone_e164)=(x, +201001234567) exists | Key (tenant_id, phone_e164)=(x, <digits>) exists",
        "Started in 2.75 seconds on port 8080 | Started in 2.75 seconds on port 8080",
        "request 3f2a9c1e-77b0-4c1d-9e2f-0a1b2c3d4e5f done | request 3f2a9c1e-77b0-4c1d-9e2f-0a1b2c3d4e5f done",
        "Demo organization loaded in 216 ms | Demo organization loaded in 216 ms",
        "2026-11-22 01:29:23.808 UTC LOG: checkpoint | 2026-11-22 01:29:23.808 UTC LOG: checkpoint",
        "demo login owner@nile.demo | demo login owner@nile.demo",
        "sent to someone@demo.example.com | sent to <email>",
        "sent to someone@mail.demodoctors.com | sent to <email>"
      })
  void personalDataIsMaskedAndTheRestKept(String text, String logged) {
    assertThat(PersonalData.mask(text)).isEqualTo(logged);
  }
}
