package io.carebook.billing;

import io.carebook.shared.InvoiceId;
import io.carebook.shared.ProblemException;
import io.carebook.shared.VisitState;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Clinic;
import io.carebook.tenancy.Permissions;
import io.carebook.tenancy.Seals;
import java.net.URI;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a payment link for an invoice needs whichever provider hosts it: an issued invoice of the
 * active clinic with something owed, staff allowed to take payments, and the patient told of the
 * link once the provider made it.
 */
@Component
class PaymentLinks {

  private final Seals seals;
  private final Billing billing;
  private final Permissions permissions;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transaction;

  PaymentLinks(
      Seals seals,
      Billing billing,
      Permissions permissions,
      ApplicationEventPublisher events,
      PlatformTransactionManager transactions) {
    this.seals = seals;
    this.billing = billing;
    this.permissions = permissions;
    this.events = events;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** The invoice, if the member may take its payment online and something is owed. */
  Invoice payable(UUID invoiceId) {
    var invoice = billing.get(invoiceId);
    permissions.require(
        Action.PAYMENT_RECORD, invoice.visitId() == null ? VisitState.NONE : VisitState.DONE);
    if (invoice.status() != Invoice.Status.ISSUED || invoice.balance().minor() <= 0) {
      throw new ProblemException(
          HttpStatus.CONFLICT,
          "nothing-owed",
          "Only an issued invoice with something owed can be paid online.");
    }
    return invoice;
  }

  /** Tells notifications to send the link to the patient. */
  void created(Clinic clinic, Invoice invoice, URI url) {
    // published in a transaction of its own: the link exists once the provider made it
    transaction.executeWithoutResult(
        s ->
            events.publishEvent(
                new PaymentLinkCreated(
                    clinic.tenantId(),
                    clinic.id(),
                    new InvoiceId(invoice.id()),
                    invoice.patientId(),
                    invoice.number(),
                    invoice.balance(),
                    seals.forOrganization("payment-link", url.toString()))));
  }
}
