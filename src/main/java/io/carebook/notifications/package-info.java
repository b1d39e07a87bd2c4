/**
 * Turns other modules' events into messages and keeps the outbox. Other modules never call it: they
 * publish events, and it listens.
 */
@ApplicationModule(
    allowedDependencies = {
      "shared",
      "tenancy",
      "tenancy :: demo",
      "audit",
      "identity",
      "patients",
      "scheduling",
      "frontdesk",
      "clinical",
      "billing",
      "webhooks" // issue 20 (hooks): tells owners of a disabled endpoint
    })
@NullMarked
package io.carebook.notifications;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
