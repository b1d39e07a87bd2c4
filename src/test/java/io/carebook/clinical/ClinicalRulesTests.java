package io.carebook.clinical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carebook.shared.ProblemException;
import io.carebook.shared.pdf.TextDirection;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The small rules of clinical records, without Spring. */
class ClinicalRulesTests {

  @Test
  void vitalsOutsideTheirPlausibleRangeAreFieldErrorsNamingRangeAndUnit() {
    PlausibleVitals.check(
        new Vitals.Input(120, 80, 70, new BigDecimal("36.6"), 14, 99, new BigDecimal("3.2"), null));
    assertThatThrownBy(
            () ->
                PlausibleVitals.check(
                    new Vitals.Input(
                        null, null, 300, new BigDecimal("36.66"), null, 101, null, null)))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e ->
                assertThat(e.errors())
                    .extracting(ProblemException.FieldError::field)
                    .containsExactly("pulse", "temperature", "oxygen"));
    assertThatThrownBy(
            () ->
                PlausibleVitals.check(new Vitals.Input(80, 90, null, null, null, null, null, null)))
        .hasMessageContaining("implausible");
    assertThatThrownBy(
            () ->
                PlausibleVitals.check(
                    new Vitals.Input(null, null, null, null, null, null, null, null)))
        .isInstanceOf(ProblemException.class);
  }

  @Test
  void icd10CodesAreNormalizedAndCheckedByPattern() {
    assertThat(Icd10Codes.normalize(" j069 ")).isEqualTo("J06.9");
    assertThat(Icd10Codes.normalize("e11")).isEqualTo("E11");
    assertThat(Icd10Codes.normalize("S72.001A")).isEqualTo("S72.001A");
    assertThat(Icd10Codes.normalize("")).isNull();
    assertThat(Icd10Codes.valid("J06.9")).isTrue();
    assertThat(Icd10Codes.valid("S72.001A")).isTrue();
    assertThat(Icd10Codes.valid("U07.1")).isFalse(); // reserved by WHO for emergency use
    assertThat(Icd10Codes.valid(Icd10Codes.normalize("flu"))).isFalse();
    assertThat(Icd10Codes.valid("J06.12345")).isFalse();
  }

  @Test
  void textReadsInTheDirectionOfItsFirstStrongCharacter() {
    assertThat(TextDirection.INSTANCE.of("فاطمة")).isEqualTo("rtl");
    assertThat(TextDirection.INSTANCE.of("1 قرص")).isEqualTo("rtl");
    assertThat(TextDirection.INSTANCE.of("1 capsule")).isEqualTo("ltr");
    assertThat(TextDirection.INSTANCE.of("500")).isEqualTo("ltr");
    assertThat(TextDirection.INSTANCE.of(null)).isEqualTo("ltr");
  }

  @Test
  void verificationCodesAndInitials() {
    assertThat(PrescriptionRows.newCode()).matches("[0-9A-HJKMNP-TV-Z]{12}");
    assertThat(Verification.initials("Fatima  Hassan Ali")).isEqualTo("F. H. A.");
    assertThat(Verification.initials("فاطمة حسن")).isEqualTo("ف. ح.");
  }
}
