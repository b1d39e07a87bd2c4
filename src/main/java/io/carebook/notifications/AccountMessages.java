package io.carebook.notifications;

import io.carebook.identity.AccountAddresses;
import io.carebook.identity.EmailConfirmationRequested;
import io.carebook.identity.InvitationSent;
import io.carebook.identity.PasswordResetRequested;
import io.carebook.identity.SignInLinkRequested;
import io.carebook.scheduling.BookingCodeRequested;
import io.carebook.shared.UserId;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.SealedSecret;
import io.carebook.tenancy.Seals;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Messages about a person's account, and one-time codes. Listens after the publishing transaction
 * commits, in the tenant and clinic its event names, as the system ({@code TenantScopedListeners});
 * the event publication registry retries a listener that failed, so no message is lost. Events
 * carry ids and sealed secrets only: addresses are looked up here, secrets opened here, and the
 * outbox keeps each secret sealed and masked ({@link OneTimeSecret}).
 */
@Component
class AccountMessages {

  private final Outbox outbox;
  private final MessageSource messages;
  private final AccountAddresses accounts;
  private final Organizations organizations;
  private final Seals seals;
  private final String baseUrl;

  AccountMessages(
      Outbox outbox,
      MessageSource messages,
      AccountAddresses accounts,
      Organizations organizations,
      Seals seals,
      @Value("${carebook.base-url:http://localhost:8080}") String baseUrl) {
    this.outbox = outbox;
    this.messages = messages;
    this.accounts = accounts;
    this.organizations = organizations;
    this.seals = seals;
    this.baseUrl = baseUrl;
  }

  @ApplicationModuleListener
  void on(EmailConfirmationRequested event) {
    toAccount(
        event.userId(),
        event.locale(),
        event.confirmationPath(),
        "notifications.confirm",
        MessageKind.EMAIL_CONFIRMATION);
  }

  @ApplicationModuleListener
  void on(InvitationSent event) {
    var locale = Locale.forLanguageTag(event.locale());
    var email = accounts.invitee(event.invitationId()).orElse(null);
    if (email == null) {
      return;
    }
    var clinic = organizations.find(event.clinicId()).orElseThrow().name();
    var inviter = accounts.of(event.invitedBy()).map(a -> a.displayName()).orElse("");
    var path = seals.open(event.acceptPath());
    var subject =
        messages.getMessage("notifications.invite.subject", new Object[] {clinic}, locale);
    var body =
        messages.getMessage(
            "notifications.invite.body", new Object[] {inviter, clinic, baseUrl + path}, locale);
    outbox.store(
        MessageChannel.EMAIL,
        email,
        MessageKind.INVITATION,
        event.locale(),
        subject,
        body,
        OneTimeSecret.tokenOf(path));
  }

  @ApplicationModuleListener
  void on(BookingCodeRequested event) {
    var locale = Locale.forLanguageTag(event.locale());
    var clinic = organizations.find(event.clinicId()).orElseThrow().name();
    var code = seals.open(event.code());
    var body =
        messages.getMessage("notifications.bookingCode.body", new Object[] {code, clinic}, locale);
    outbox.store(
        MessageChannel.SMS,
        seals.open(event.phone()),
        MessageKind.BOOKING_CODE,
        event.locale(),
        "",
        body,
        code);
  }

  /** Belongs to no organization: kept in the platform's own outbox. */
  @ApplicationModuleListener
  void on(PasswordResetRequested event) {
    toAccount(
        event.userId(),
        event.locale(),
        event.resetPath(),
        "notifications.reset",
        MessageKind.PASSWORD_RESET);
  }

  /** Belongs to no organization: kept in the platform's own outbox, like a reset link. */
  @ApplicationModuleListener
  void on(SignInLinkRequested event) {
    toAccount(
        event.userId(),
        event.locale(),
        event.signInPath(),
        "notifications.signInLink",
        MessageKind.SIGN_IN_LINK);
  }

  /**
   * An e-mail to an account with its one-time link ({@code <messages>.subject} and {@code .body},
   * the body taking the person's name and the link), filed in the outbox of the tenant its event
   * belongs to (the platform's for a reset or a sign-in link), which the listener entered.
   */
  private void toAccount(
      UserId user, String language, SealedSecret sealedPath, String messages, MessageKind kind) {
    var locale = Locale.forLanguageTag(language);
    accounts
        .of(user)
        .ifPresent(
            account -> {
              var path = seals.open(sealedPath);
              var subject = this.messages.getMessage(messages + ".subject", null, locale);
              var body =
                  this.messages.getMessage(
                      messages + ".body",
                      new Object[] {account.displayName(), baseUrl + path},
                      locale);
              outbox.store(
                  MessageChannel.EMAIL,
                  account.email(),
                  kind,
                  language,
                  subject,
                  body,
                  OneTimeSecret.tokenOf(path));
            });
  }
}
