package io.carebook.patients.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carebook.patients.Patient;
import io.carebook.shared.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A spreadsheet's patient list read without Spring: row by row, headers in three languages. */
class PatientListTests {

  @Test
  void aListIsReadRowByRowWithHeadersInAnyOfThreeLanguages() {
    var csv =
        "\uFEFFالاسم,الهاتف,تاريخ الميلاد,الجنس\n"
            + "فاطمة,0100 123 4567,١٢/٠٤/١٩٨٨,أنثى\n"
            + "\"Omar, Jr.\",,2030-01-01,M\n";
    var rows =
        PatientList.read(csv.getBytes(StandardCharsets.UTF_8), "EG", LocalDate.of(2026, 1, 1));
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).valid()).isTrue();
    assertThat(rows.get(0).patient().dateOfBirth()).isEqualTo(LocalDate.of(1988, 4, 12));
    assertThat(rows.get(0).patient().sex()).isEqualTo(Patient.Sex.FEMALE);
    assertThat(rows.get(1).patient().fullName()).isEqualTo("Omar, Jr.");
    assertThat(rows.get(1).errors()).containsExactly("dateOfBirth: cannot be in the future");
    assertThatThrownBy(
            () ->
                PatientList.read(
                    new byte[] {(byte) 0xC3, (byte) 0x28}, "EG", LocalDate.of(2026, 1, 1)))
        .isInstanceOf(ProblemException.class);
  }
}
