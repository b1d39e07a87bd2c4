package io.carebook.patients.web;

import io.carebook.patients.Patient;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A patient as the API shows it: phones in E.164, dates in ISO-8601, the MRN as people read it. */
record PatientView(
    String id,
    @Nullable String medicalRecordNumber,
    String fullName,
    @Nullable String otherName,
    @Nullable String phone,
    @Nullable String alternatePhone,
    @Nullable String email,
    @Nullable String address,
    @Nullable LocalDate dateOfBirth,
    Patient.@Nullable Sex sex,
    @Nullable Instant voidedAt,
    @Nullable String voidReason,
    @Nullable String mergedInto,
    int version,
    Instant createdAt) {

  static PatientView of(Patient patient) {
    var voided = patient.voided();
    return new PatientView(
        patient.id().toString(),
        patient.medicalRecordNumber(),
        patient.fullName(),
        patient.otherName(),
        patient.phone() == null ? null : patient.phone().e164(),
        patient.alternatePhone() == null ? null : patient.alternatePhone().e164(),
        patient.email(),
        patient.address(),
        patient.dateOfBirth(),
        patient.sex(),
        voided == null ? null : voided.at(),
        voided == null ? null : voided.reason(),
        voided == null || voided.mergedInto() == null ? null : voided.mergedInto().toString(),
        patient.version(),
        patient.createdAt());
  }
}
