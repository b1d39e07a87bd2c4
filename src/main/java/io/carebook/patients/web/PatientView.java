package io.carebook.patients.web;

import io.carebook.patients.Patient;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A patient as the API shows it: phone in E.164, dates in ISO-8601. */
record PatientView(
    String id,
    String fullName,
    @Nullable String phone,
    @Nullable LocalDate dateOfBirth,
    Patient.@Nullable Sex sex,
    int version,
    Instant createdAt) {

  static PatientView of(Patient patient) {
    return new PatientView(
        patient.id().toString(),
        patient.fullName(),
        patient.phone() == null ? null : patient.phone().e164(),
        patient.dateOfBirth(),
        patient.sex(),
        patient.version(),
        patient.createdAt());
  }
}
