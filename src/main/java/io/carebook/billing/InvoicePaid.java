package io.carebook.billing;

import io.carebook.shared.ClinicId;
import io.carebook.shared.InvoiceId;
import io.carebook.shared.Money;
import io.carebook.shared.TenantId;
import io.carebook.shared.TenantScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * A payment left nothing owed on an issued invoice (issue 20, for webhooks): published once, in the
 * transaction of the payment that settled it, by the desk or an online provider alike.
 */
public record InvoicePaid(
    TenantId tenantId,
    ClinicId clinicId,
    InvoiceId invoiceId,
    UUID patientId,
    Money total,
    Instant paidAt)
    implements TenantScoped {}
