package io.carebook.billing;

import io.carebook.frontdesk.VisitEvents.VisitCompleted;
import io.carebook.tenancy.ActorType;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.TenantContext;
import java.time.Clock;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

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
  private final TransactionTemplate transaction;

  VisitInvoicing(
      Billing billing,
      Organizations organizations,
      Clock clock,
      PlatformTransactionManager transactions) {
    this.billing = billing;
    this.organizations = organizations;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactions);
  }

  @Async
  @TransactionalEventListener
  void on(VisitCompleted event) {
    var scope = new TenantContext.Scope(event.tenantId(), event.clinicId(), null, ActorType.SYSTEM);
    TenantContext.run(
        scope,
        () ->
            transaction.executeWithoutResult(
                s -> {
                  if (!organizations.activeClinic().writable(clock.instant())) {
                    return;
                  }
                  billing.draftForVisit(event.visitId(), event.patientId(), event.doctorId());
                }));
  }
}
