package io.carebook.scheduling;

import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.shared.TenantScoped;
import java.time.Instant;

/**
 * A clinic's public page was refused one-time codes because it asked for too many (to one phone
 * prefix, or in all): likely SMS pumping. Published at most once an hour per clinic, for its owners
 * to be told. {@code limit} names the limit reached.
 */
public record PublicCodesThrottled(TenantId tenantId, ClinicId clinicId, String limit, Instant at)
    implements TenantScoped {}
