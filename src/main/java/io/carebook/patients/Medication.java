package io.carebook.patients;

import io.carebook.patients.Patient.PatientId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A medication the patient takes (or took), as reported or prescribed. */
public record Medication(
    UUID id,
    PatientId patientId,
    String drug,
    @Nullable String dose,
    @Nullable String frequency,
    @Nullable LocalDate since,
    Status status,
    int version,
    Instant recordedAt)
    implements SafetyEntry {

  public boolean isCurrent() {
    return status == Status.ACTIVE;
  }

  public enum Status {
    ACTIVE,
    STOPPED
  }
}
