package io.carebook.patients;

import io.carebook.patients.Patient.Sex;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What the desk types to register (or correct) a patient: a name, usually a phone, and whatever
 * else is known. {@code otherName} is the name in another script (the Latin spelling of an Arabic
 * name, say), matched like the name.
 */
public record NewPatient(
    String fullName,
    @Nullable String phone,
    @Nullable LocalDate dateOfBirth,
    @Nullable Sex sex,
    @Nullable String otherName,
    @Nullable String alternatePhone,
    @Nullable String email,
    @Nullable String address) {

  /** A name, a phone, a date of birth and a sex: what most callers know. */
  public NewPatient(
      String fullName, @Nullable String phone, @Nullable LocalDate dateOfBirth, @Nullable Sex sex) {
    this(fullName, phone, dateOfBirth, sex, null, null, null, null);
  }
}
