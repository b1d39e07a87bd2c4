package io.carebook.scheduling;

import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.shared.TenantScoped;
import java.time.Instant;
import java.util.UUID;

/** A waitlisted patient is offered a freed slot, held for them until {@code offeredUntil}. */
public record WaitlistOfferMade(
    TenantId tenantId,
    ClinicId clinicId,
    UUID entryId,
    UUID patientId,
    Instant startsAt,
    Instant offeredUntil)
    implements TenantScoped {}
