package io.carebook.patients;

import com.fasterxml.jackson.annotation.JsonValue;
import io.carebook.shared.PhoneNumber;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A person with a chart in the organization. Names are kept exactly as typed. A record found to be
 * a duplicate is never deleted: it is voided and points at the record it was merged into. The
 * record number is given at commit: a patient read in the transaction that registers it has none.
 */
public record Patient(
    PatientId id,
    @Nullable Long mrn,
    String fullName,
    @Nullable String otherName,
    @Nullable PhoneNumber phone,
    @Nullable PhoneNumber alternatePhone,
    @Nullable String email,
    @Nullable String address,
    @Nullable LocalDate dateOfBirth,
    @Nullable Sex sex,
    @Nullable Voided voided,
    int version,
    Instant createdAt) {

  /**
   * The medical record number as people read it, e.g. {@code MRN-000123}; null inside the
   * registering transaction, as the number is given when it commits (V1290).
   */
  public @Nullable String medicalRecordNumber() {
    return mrn == null ? null : format(mrn);
  }

  public static String format(long mrn) {
    return String.format(Locale.ROOT, "MRN-%06d", mrn);
  }

  /** Whole years of age on {@code today}, or null without a date of birth. */
  public @Nullable Integer ageOn(LocalDate today) {
    return dateOfBirth == null ? null : Period.between(dateOfBirth, today).getYears();
  }

  public boolean voidedRecord() {
    return voided != null;
  }

  /** When, by whom and why a record was voided, and the record it was merged into, if any. */
  public record Voided(
      Instant at, @Nullable UUID by, String reason, @Nullable PatientId mergedInto) {}

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
