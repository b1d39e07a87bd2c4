package io.carebook.clinical;

import io.carebook.frontdesk.FrontDesk;
import io.carebook.frontdesk.TodaysVisits;
import io.carebook.frontdesk.Visit;
import io.carebook.shared.UserId;
import io.carebook.shared.VisitId;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Permissions;
import io.carebook.tenancy.TenantContext;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The door to a visit's clinical records: the visit must be one of the active clinic (404
 * otherwise, another organization's included), the member's roles must allow the action in the
 * visit's present state (the permission matrix; 403 otherwise), and a read-only clinic may still
 * document the visits of its current day, nothing older ({@link TodaysVisits}).
 */
@Component
class VisitGate {

  private final FrontDesk frontDesk;
  private final Permissions permissions;
  private final TodaysVisits todaysVisits;

  VisitGate(FrontDesk frontDesk, Permissions permissions, TodaysVisits todaysVisits) {
    this.frontDesk = frontDesk;
    this.permissions = permissions;
    this.todaysVisits = todaysVisits;
  }

  /** The visit, once the current member may take {@code action} on it now. */
  Visit enter(UUID visitId, Action action) {
    var visit = frontDesk.get(new VisitId(visitId));
    permissions.require(action, visit.state());
    todaysVisits.requireWritable(visit);
    return visit;
  }

  /** The visit, for reading its clinical record (CHART_READ). */
  Visit read(UUID visitId) {
    var visit = frontDesk.get(new VisitId(visitId));
    permissions.require(Action.CHART_READ, visit.state());
    return visit;
  }

  static @Nullable UUID actor() {
    return TenantContext.current().map(TenantContext.Scope::user).map(UserId::value).orElse(null);
  }
}
