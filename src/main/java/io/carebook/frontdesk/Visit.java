package io.carebook.frontdesk;

import io.carebook.shared.ClinicId;
import io.carebook.shared.VisitState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One patient's passage through the clinic on one day, with the token they were given. */
public record Visit(
    UUID id,
    ClinicId clinicId,
    UUID patientId,
    @Nullable UUID doctorId,
    @Nullable UUID appointmentId,
    int token,
    LocalDate tokenDay,
    Priority priority,
    VisitState state,
    @Nullable String cancelReason,
    Instant createdAt,
    @Nullable UUID checkedInBy,
    @Nullable Instant withAssistantAt,
    @Nullable Instant withDoctorAt,
    @Nullable Instant doneAt,
    @Nullable Instant canceledAt,
    @Nullable Instant noShowAt,
    int version) {}
