/**
 * The front desk: walk-ins and arriving appointments checked in as visits, each with the day's
 * token, moved forward through the visit state machine by whoever the permission matrix allows, and
 * queued by priority then token.
 */
@ApplicationModule(
    allowedDependencies = {
      "shared",
      "tenancy",
      "tenancy :: demo",
      "identity",
      "patients",
      "scheduling"
    })
@NullMarked
package io.carebook.frontdesk;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
