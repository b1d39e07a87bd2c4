/**
 * Outbound webhooks (issue 20): an organization's owners register endpoints and choose event types;
 * every event of a chosen type becomes one signed delivery per endpoint, written in the event's own
 * transaction and sent by a worker that retries with backoff for days, logs every attempt and
 * disables an endpoint that fails for days on end (its owners are told). Signatures follow the
 * Standard Webhooks convention ({@link StandardWebhooks}).
 *
 * <p>It listens to scheduling, frontdesk, patients and billing and depends on nothing above them;
 * notifications listens to it ({@link WebhookEndpointDisabled}) to tell the owners.
 */
@ApplicationModule(
    allowedDependencies = {
      "shared",
      "tenancy",
      "tenancy :: demo",
      "patients",
      "scheduling",
      "frontdesk",
      "billing"
    })
@NullMarked
package io.carebook.webhooks;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
