package io.carebook.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTests {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "01001234567",
        "010 0123 4567",
        "(010) 012-34567",
        "+20 100 123 4567",
        "00201001234567",
        "٠١٠٠١٢٣٤٥٦٧",
        "٠١٠ ٠١٢٣ ٤٥٦٧",
        "۰۱۰۰۱۲۳۴۵۶۷"
      })
  void anEgyptianMobileTypedAnyWayIsOneNumber(String typed) {
    assertThat(PhoneNumber.parse(typed, "EG")).contains(new PhoneNumber("+201001234567"));
  }

  @ParameterizedTest
  @CsvSource({"55 1234 5678, MX, +525512345678", "098765 43210, IN, +919876543210"})
  void numbersAreReadInTheClinicsCountry(String typed, String region, String e164) {
    assertThat(PhoneNumber.parse(typed, region)).contains(new PhoneNumber(e164));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "12", "+999"})
  void whatCannotBeAPhoneNumberIsRefused(String typed) {
    assertThat(PhoneNumber.parse(typed, "EG")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"٠١٠٠ ١٢٣, 0100123", "(010) 12-3, 010123"})
  void digitsOfAPartialNumberAreAsciiDigits(String typed, String digits) {
    assertThat(PhoneNumber.digitsOf(typed)).isEqualTo(digits);
  }
}
