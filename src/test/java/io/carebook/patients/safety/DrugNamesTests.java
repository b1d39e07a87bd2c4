package io.carebook.patients.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Drug names without Spring: matched however typed, strengths and forms aside. */
class DrugNamesTests {

  @Test
  void drugNamesMatchHoweverTypedStrengthsAndFormsAside() {
    assertThat(DrugNames.sameSubstance("Amoxicillin", "AMOXICILLIN 500 mg caps")).isTrue();
    assertThat(DrugNames.sameSubstance("co-amoxiclav 625mg", "Amoxiclav")).isTrue();
    assertThat(DrugNames.sameSubstance("Ibuprofeno", "ibuprofeno 400 mg tabletas")).isTrue();
    assertThat(DrugNames.sameSubstance("أموكسيسيلين", "اموكسيسيلين 500")).isTrue();
    assertThat(DrugNames.sameSubstance("Penicillin", "Amoxicillin")).isFalse();
    assertThat(DrugNames.sameSubstance("Metformin", "Metoprolol")).isFalse();
    assertThat(DrugNames.sameSubstance("500 mg", "Metformin 500 mg")).isFalse();
  }
}
