package io.carebook.patients;

import com.fasterxml.jackson.annotation.JsonValue;
import io.carebook.shared.PhoneNumber;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A person with a chart in the organization. Names are kept exactly as typed. */
public record Patient(
    PatientId id,
    String fullName,
    @Nullable PhoneNumber phone,
    @Nullable LocalDate dateOfBirth,
    @Nullable Sex sex,
    int version,
    Instant createdAt) {

  /** Identifies a patient within an organization. */
  public record PatientId(@JsonValue UUID value) {
    public static PatientId random() {
      return new PatientId(UUID.randomUUID());
    }

    @Override
    public String toString() {
      return value.toString();
    }
  }

  public enum Sex {
    FEMALE,
    MALE,
    OTHER,
    UNKNOWN
  }
}
