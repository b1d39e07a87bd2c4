package io.carebook.billing;

import io.carebook.frontdesk.VisitEvents.VisitCompleted;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.TenantTransactions;
import java.time.Clock;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Drafts the invoice of every visit that is done, after the visit's transaction commits (the event
 * publication registry retries a failed draft), see {@link Billing#ofVisit}. A clinic that may not
 * write (its subscription lapsed) gets no new invoice.
 */
@Component
class VisitInvoicing {

  private final Billing billing;
  private final Organizations organizations;
  private final Clock clock;
  private final TenantTransactions tenants;

  VisitInvoicing(
      Billing billing, Organizations organizations, Clock clock, TenantTransactions tenants) {
    this.billing = billing;
    this.organizations = organizations;
    this.clock = clock;
    this.tenants = tenants;
  }

  @Async
  @TransactionalEventListener
  void on(VisitCompleted event) {
    tenants.inClinic(
        event,
        () -> {
          if (!organizations.activeClinic().writable(clock.instant())) {
            return;
          }
          billing.draftForVisit(event.visitId().value(), event.patientId(), event.doctorId());
        });
  }
}
