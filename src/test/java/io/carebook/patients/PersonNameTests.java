package io.carebook.patients;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonNameTests {

  @ParameterizedTest
  @CsvSource({
    "María José Núñez, maria jose nunez",
    "  MARIA   jose NUÑEZ , maria jose nunez",
    "José-Luis O'Brien, jose luis o'brien",
    "أحمد, احمد",
    "إيمان, ايمان",
    "فاطمة, فاطمه",
    "مُحَمَّد, محمد",
    "مـحـمـد, محمد",
    "مصطفى, مصطفي",
    "Ramesh Kumar, ramesh kumar"
  })
  void namesMatchHoweverTheyWereTyped(String typed, String normalized) {
    assertThat(PersonName.normalize(typed)).isEqualTo(normalized);
  }
}
