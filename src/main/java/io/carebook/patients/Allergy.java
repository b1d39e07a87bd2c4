package io.carebook.patients;

import io.carebook.patients.Patient.PatientId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A recorded allergy or intolerance to a substance (a drug, a food, latex…). */
public record Allergy(
    UUID id,
    PatientId patientId,
    String substance,
    @Nullable String reaction,
    Severity severity,
    Status status,
    int version,
    Instant recordedAt)
    implements SafetyEntry {

  public boolean isActive() {
    return status == Status.ACTIVE;
  }

  public enum Severity {
    MILD,
    MODERATE,
    SEVERE
  }

  public enum Status {
    ACTIVE,
    INACTIVE,
    RESOLVED
  }
}
