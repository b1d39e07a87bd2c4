package io.carebook.notifications;

import io.carebook.identity.Role;
import io.carebook.identity.Staff;
import io.carebook.scheduling.PublicCodesThrottled;
import io.carebook.tenancy.ActorType;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.TenantContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells a clinic's owners by e-mail that its public page was refused one-time codes for asking too
 * many (likely SMS pumping), with the page where they choose the countries it serves.
 */
@Component
class CodeAbuseWarnings {

  static final String KIND = "CODES_THROTTLED";

  private final Outbox outbox;
  private final Staff staff;
  private final Organizations organizations;
  private final MessageSource messages;
  private final TransactionTemplate transaction;
  private final String baseUrl;

  CodeAbuseWarnings(
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
  void on(PublicCodesThrottled event) {
    TenantContext.run(
        new TenantContext.Scope(event.tenantId(), event.clinicId(), null, ActorType.SYSTEM),
        () ->
            transaction.executeWithoutResult(
                s -> {
                  var clinic = organizations.activeClinic();
                  var locale = clinic.locale();
                  var args =
                      new Object[] {
                        clinic.name(), event.limit(), baseUrl + "/calendar/hours#phone-countries"
                      };
                  var subject =
                      messages.getMessage("notifications.codesThrottled.subject", args, locale);
                  var body = messages.getMessage("notifications.codesThrottled.body", args, locale);
                  for (var member : staff.members()) {
                    if (member.active() && member.roles().contains(Role.OWNER)) {
                      outbox.schedule(
                          NewMessage.now(
                              "EMAIL", member.email(), KIND, locale.getLanguage(), subject, body));
                    }
                  }
                }));
  }
}
