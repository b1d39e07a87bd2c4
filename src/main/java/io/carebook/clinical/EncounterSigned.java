package io.carebook.clinical;

import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.shared.TenantScoped;
import io.carebook.shared.VisitId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The SOAP note of an encounter was signed. */
public record EncounterSigned(
    TenantId tenantId,
    ClinicId clinicId,
    UUID encounterId,
    UUID noteId,
    VisitId visitId,
    UUID patientId,
    @Nullable UUID signedBy,
    Instant at)
    implements TenantScoped {}
