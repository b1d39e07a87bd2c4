package io.carebook.notifications;

import io.carebook.scheduling.PublicCodesThrottled;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells a clinic's owners by e-mail that its public page was refused one-time codes for asking too
 * many (likely SMS pumping), with the page where they choose the countries it serves.
 */
@Component
class CodeAbuseWarnings {

  private final OwnerMessages owners;

  CodeAbuseWarnings(OwnerMessages owners) {
    this.owners = owners;
  }

  @ApplicationModuleListener
  void on(PublicCodesThrottled event) {
    owners.send(
        MessageKind.CODES_THROTTLED,
        "notifications.codesThrottled",
        "/calendar/hours#phone-countries",
        (clinic, locale) -> event.limit());
  }
}
