package io.carebook.patients;

import io.carebook.patients.Patient.Sex;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** What the desk types to register a patient: a name, and usually a phone. */
public record NewPatient(
    String fullName, @Nullable String phone, @Nullable LocalDate dateOfBirth, @Nullable Sex sex) {}
