package io.carebook.notifications;

import io.carebook.identity.Role;
import io.carebook.identity.Staff;
import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.tenancy.ActorType;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.SubscriptionEvents.SubscriptionStatusChanged;
import io.carebook.tenancy.SubscriptionEvents.TrialEndingSoon;
import io.carebook.tenancy.TenantContext;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells a clinic's owners, by e-mail in the clinic's language, that its trial ends soon or that its
 * subscription changed (paid, payment failed, canceled, expired), with the page to act on.
 */
@Component
class SubscriptionMessages {

  private final Outbox outbox;
  private final Staff staff;
  private final Organizations organizations;
  private final MessageSource messages;
  private final TransactionTemplate transaction;
  private final String baseUrl;

  SubscriptionMessages(
      Outbox outbox,
      Staff staff,
      Organizations organizations,
      MessageSource messages,
      PlatformTransactionManager transactions,
      @Value("${carebook.base-url:http://localhost:8080}") String baseUrl) {
    this.outbox = outbox;
    this.staff = staff;
    this.organizations = organizations;
    this.messages = messages;
    this.transaction = new TransactionTemplate(transactions);
    this.baseUrl = baseUrl;
  }

  @Async
  @TransactionalEventListener
  void on(TrialEndingSoon event) {
    toOwners(
        event.tenantId(),
        event.clinicId(),
        "TRIAL_ENDING",
        "notifications.trialEnding",
        (clinic, locale) ->
            DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(locale)
                .format(event.endsAt().atZone(clinic.timezone())));
  }

  @Async
  @TransactionalEventListener
  void on(SubscriptionStatusChanged event) {
    toOwners(
        event.tenantId(),
        event.clinicId(),
        "SUBSCRIPTION_" + event.to().name(),
        "notifications.subscription." + event.to().name(),
        (clinic, locale) -> "");
  }

  private void toOwners(
      TenantId tenant,
      ClinicId clinicId,
      String kind,
      String key,
      java.util.function.BiFunction<io.carebook.tenancy.Clinic, java.util.Locale, String> detail) {
    TenantContext.run(
        new TenantContext.Scope(tenant, clinicId, null, ActorType.SYSTEM),
        () ->
            transaction.executeWithoutResult(
                s -> {
                  var clinic = organizations.activeClinic();
                  var locale = clinic.locale();
                  var link = baseUrl + "/billing/subscription";
                  var args = new Object[] {clinic.name(), detail.apply(clinic, locale), link};
                  var subject = messages.getMessage(key + ".subject", args, key, locale);
                  var body = messages.getMessage(key + ".body", args, key, locale);
                  for (var owner : staff.members()) {
                    if (owner.active() && owner.roles().contains(Role.OWNER)) {
                      outbox.schedule(
                          NewMessage.now(
                              "EMAIL", owner.email(), kind, locale.getLanguage(), subject, body));
                    }
                  }
                }));
  }
}
