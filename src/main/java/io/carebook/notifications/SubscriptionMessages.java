package io.carebook.notifications;

import io.carebook.tenancy.SubscriptionEvents.SubscriptionStatusChanged;
import io.carebook.tenancy.SubscriptionEvents.TrialEndingSoon;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells a clinic's owners, by e-mail in the clinic's language, that its trial ends soon or that its
 * subscription changed (paid, payment failed, canceled, expired), with the page to act on.
 */
@Component
class SubscriptionMessages {

  private final OwnerMessages owners;

  SubscriptionMessages(OwnerMessages owners) {
    this.owners = owners;
  }

  @ApplicationModuleListener
  void on(TrialEndingSoon event) {
    owners.send(
        MessageKind.TRIAL_ENDING,
        "notifications.trialEnding",
        "/billing/subscription",
        (clinic, locale) ->
            DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(locale)
                .format(event.endsAt().atZone(clinic.timezone())));
  }

  @ApplicationModuleListener
  void on(SubscriptionStatusChanged event) {
    owners.send(
        MessageKind.subscription(event.to()),
        "notifications.subscription." + event.to().name(),
        "/billing/subscription",
        (clinic, locale) -> "");
  }
}
