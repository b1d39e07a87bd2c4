package io.carebook.scheduling;

import io.carebook.patients.NewPatient;
import io.carebook.shared.UserId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A booking request: a doctor, a start, and either a registered patient or the details of one to
 * find or register (the patients module's duplicate rule applies).
 */
public record NewAppointment(
    UserId doctorId,
    Instant startsAt,
    String serviceType,
    @Nullable UUID patientId,
    @Nullable NewPatient patient,
    String source) {}
