package io.carebook.billing;

import io.carebook.frontdesk.VisitEvents.VisitCompleted;
import io.carebook.tenancy.Organizations;
import java.time.Clock;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Drafts the invoice of every visit that is done, after the visit's transaction commits, in the
 * visit's clinic as the system ({@code TenantScopedListeners}; the event publication registry
 * retries a failed draft), see {@link Billing#ofVisit}. A clinic that may not write (its
 * subscription lapsed) gets no new invoice.
 */
@Component
class VisitInvoicing {

  private final Billing billing;
  private final Organizations organizations;
  private final Clock clock;

  VisitInvoicing(Billing billing, Organizations organizations, Clock clock) {
    this.billing = billing;
    this.organizations = organizations;
    this.clock = clock;
  }

  @ApplicationModuleListener
  void on(VisitCompleted event) {
    if (!organizations.activeClinic().writable(clock.instant())) {
      return;
    }
    billing.draftForVisit(event.visitId().value(), event.patientId(), event.doctorId());
  }
}
