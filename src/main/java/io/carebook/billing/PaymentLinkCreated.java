package io.carebook.billing;

import io.carebook.shared.ClinicId;
import io.carebook.shared.InvoiceId;
import io.carebook.shared.Money;
import io.carebook.shared.TenantId;
import io.carebook.shared.TenantScoped;
import io.carebook.tenancy.SealedSecret;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An invoice's payment link was made, by Stripe or by Razorpay ({@link PaymentLinks}), for
 * notifications to send to the patient. The link is sealed: whoever holds it can pay, and the event
 * is stored.
 */
public record PaymentLinkCreated(
    TenantId tenantId,
    ClinicId clinicId,
    InvoiceId invoiceId,
    UUID patientId,
    @Nullable String number,
    Money amount,
    SealedSecret url)
    implements TenantScoped {}
