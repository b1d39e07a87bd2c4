package io.carebook.notifications;

import io.carebook.webhooks.WebhookEndpointDisabled;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the owners of the clinic where a webhook endpoint was registered, by e-mail in the clinic's
 * language, that it failed for days and was disabled, with the developer page to turn it on again
 * (issue 20).
 */
@Component
class WebhookMessages {

  private final OwnerMessages owners;

  WebhookMessages(OwnerMessages owners) {
    this.owners = owners;
  }

  @ApplicationModuleListener
  void on(WebhookEndpointDisabled event) {
    owners.send(
        MessageKind.WEBHOOK_DISABLED,
        "notifications.webhookDisabled",
        "/developer",
        (clinic, locale) -> event.url());
  }
}
