package io.carebook.tenancy;

import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.shared.TenantScoped;
import java.time.Instant;

/** A clinic was created; its 14-day trial runs until {@code trialEndsAt}. */
public record ClinicCreated(TenantId tenantId, ClinicId clinicId, Instant trialEndsAt)
    implements TenantScoped {}
