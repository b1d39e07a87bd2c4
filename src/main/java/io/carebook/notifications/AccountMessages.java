package io.carebook.notifications;

import io.carebook.identity.EmailConfirmationRequested;
import io.carebook.identity.InvitationSent;
import io.carebook.identity.PasswordResetRequested;
import io.carebook.identity.SignInLinkRequested;
import io.carebook.shared.TenantId;
import io.carebook.tenancy.TenantTransactions;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Messages about a person's account. Listens after the publishing transaction commits; the event
 * publication registry retries a listener that failed, so no message is lost.
 */
@Component
class AccountMessages {

  private final Outbox outbox;
  private final TenantTransactions tenants;
  private final MessageSource messages;
  private final String baseUrl;

  AccountMessages(
      Outbox outbox,
      TenantTransactions tenants,
      MessageSource messages,
      @Value("${carebook.base-url:http://localhost:8080}") String baseUrl) {
    this.outbox = outbox;
    this.tenants = tenants;
    this.messages = messages;
    this.baseUrl = baseUrl;
  }

  @Async
  @TransactionalEventListener
  void on(EmailConfirmationRequested event) {
    var locale = Locale.forLanguageTag(event.locale());
    var link = baseUrl + event.confirmationPath();
    var subject = messages.getMessage("notifications.confirm.subject", null, locale);
    var body =
        messages.getMessage(
            "notifications.confirm.body", new Object[] {event.displayName(), link}, locale);
    tenants.run(
        event.tenantId(),
        () ->
            outbox.store(
                "EMAIL", event.email(), "EMAIL_CONFIRMATION", event.locale(), subject, body));
  }

  @Async
  @TransactionalEventListener
  void on(InvitationSent event) {
    var locale = Locale.forLanguageTag(event.locale());
    var subject =
        messages.getMessage(
            "notifications.invite.subject", new Object[] {event.clinicName()}, locale);
    var body =
        messages.getMessage(
            "notifications.invite.body",
            new Object[] {event.inviterName(), event.clinicName(), baseUrl + event.acceptPath()},
            locale);
    tenants.run(
        event.tenantId(),
        () -> outbox.store("EMAIL", event.email(), "INVITATION", event.locale(), subject, body));
  }

  @Async
  @TransactionalEventListener
  void on(io.carebook.scheduling.BookingCodeRequested event) {
    var locale = Locale.forLanguageTag(event.locale());
    var body =
        messages.getMessage(
            "notifications.bookingCode.body",
            new Object[] {event.code(), event.clinicName()},
            locale);
    tenants.run(
        event.tenantId(),
        () -> outbox.store("SMS", event.phone(), "BOOKING_CODE", event.locale(), "", body));
  }

  /** Belongs to no organization: kept in the platform's own outbox. */
  @Async
  @TransactionalEventListener
  void on(PasswordResetRequested event) {
    var locale = Locale.forLanguageTag(event.locale());
    var body =
        messages.getMessage(
            "notifications.reset.body",
            new Object[] {event.displayName(), baseUrl + event.resetPath()},
            locale);
    var subject = messages.getMessage("notifications.reset.subject", null, locale);
    tenants.run(
        TenantId.PLATFORM,
        () ->
            outbox.store("EMAIL", event.email(), "PASSWORD_RESET", event.locale(), subject, body));
  }

  /** Belongs to no organization: kept in the platform's own outbox, like a reset link. */
  @Async
  @TransactionalEventListener
  void on(SignInLinkRequested event) {
    var locale = Locale.forLanguageTag(event.locale());
    var body =
        messages.getMessage(
            "notifications.signInLink.body",
            new Object[] {event.displayName(), baseUrl + event.signInPath()},
            locale);
    var subject = messages.getMessage("notifications.signInLink.subject", null, locale);
    tenants.run(
        TenantId.PLATFORM,
        () -> outbox.store("EMAIL", event.email(), "SIGN_IN_LINK", event.locale(), subject, body));
  }
}
