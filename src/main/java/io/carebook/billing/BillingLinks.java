package io.carebook.billing;

import io.carebook.frontdesk.Visit;
import io.carebook.frontdesk.VisitLinks;
import io.carebook.shared.VisitState;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Permissions;
import java.util.List;
import org.springframework.stereotype.Component;

/** A visit that is done links to its invoice, for members who bill or take money. */
@Component
class BillingLinks implements VisitLinks {

  private final Permissions permissions;

  BillingLinks(Permissions permissions) {
    this.permissions = permissions;
  }

  @Override
  public List<Link> of(Visit visit) {
    if (visit.state() != VisitState.DONE
        || !(permissions.allows(Action.INVOICE_ISSUE, VisitState.DONE)
            || permissions.allows(Action.PAYMENT_RECORD, VisitState.DONE))) {
      return List.of();
    }
    return List.of(new Link("billing.desk.invoice", "/billing/visits/" + visit.id()));
  }
}
