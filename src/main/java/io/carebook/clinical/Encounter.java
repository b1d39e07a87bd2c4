package io.carebook.clinical;

import io.carebook.shared.ClinicId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The clinical side of one visit: opened when the first clinical record of the visit is made. */
public record Encounter(
    UUID id,
    ClinicId clinicId,
    UUID visitId,
    UUID patientId,
    Instant openedAt,
    @Nullable UUID openedBy) {}
