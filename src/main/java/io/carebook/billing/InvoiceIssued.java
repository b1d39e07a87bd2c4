package io.carebook.billing;

import io.carebook.shared.ClinicId;
import io.carebook.shared.InvoiceId;
import io.carebook.shared.Money;
import io.carebook.shared.TenantId;
import io.carebook.shared.TenantScoped;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An invoice was issued: numbered, and never changed again (issue 20, for webhooks). Published in
 * the issuing transaction by {@link Billing#issue}.
 */
public record InvoiceIssued(
    TenantId tenantId,
    ClinicId clinicId,
    InvoiceId invoiceId,
    UUID patientId,
    @Nullable UUID visitId,
    String number,
    Money total,
    Instant issuedAt)
    implements TenantScoped {}
