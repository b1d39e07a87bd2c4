package io.carebook.identity.signin;

import io.carebook.audit.AuditTrail;
import io.carebook.audit.AuditTrail.SecurityEvent;
import io.carebook.identity.PasswordResetRequested;
import io.carebook.identity.accounts.PasswordPolicy;
import io.carebook.identity.accounts.Users;
import io.carebook.identity.sessions.OneTimeTokens;
import io.carebook.identity.sessions.SignOutEverywhere;
import io.carebook.shared.ProblemException;
import io.carebook.shared.web.RateLimits;
import io.carebook.tenancy.Seals;
import io.carebook.tenancy.TenantTransactions;
import java.time.Duration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Resetting a forgotten password through a single-use link valid for 30 minutes. Asking answers the
 * same whether or not the account exists, so it reveals nobody's e-mail. A new password signs the
 * account out everywhere: every web session ends, every refresh token is revoked, access tokens
 * issued before stop working, and every other reset link of the account is void, so whoever held
 * the old password or an older link is locked out.
 */
@Service
public class PasswordReset {

  static final Duration VALIDITY = Duration.ofMinutes(30);

  private final Seals seals;
  private final Users users;
  private final OneTimeTokens tokens;
  private final PasswordEncoder passwords;
  private final ApplicationEventPublisher events;
  private final RateLimits limits;
  private final AuditTrail audit;
  private final JdbcClient jdbc;
  private final TenantTransactions tenants;
  private final SignOutEverywhere signOut;

  PasswordReset(
      Seals seals,
      Users users,
      OneTimeTokens tokens,
      PasswordEncoder passwords,
      ApplicationEventPublisher events,
      RateLimits limits,
      AuditTrail audit,
      JdbcClient jdbc,
      TenantTransactions tenants,
      SignOutEverywhere signOut) {
    this.signOut = signOut;
    this.seals = seals;
    this.users = users;
    this.tokens = tokens;
    this.passwords = passwords;
    this.events = events;
    this.limits = limits;
    this.audit = audit;
    this.jdbc = jdbc;
    this.tenants = tenants;
  }

  /** Sends a reset link if the account exists; says nothing either way. */
  public void request(String email, String clientIp) {
    limits.consume(RateLimits.PASSWORD_RESET_PER_IP, clientIp);
    tenants.beforeTenant(
        () ->
            users
                .byEmail(email.trim())
                .ifPresent(
                    account -> {
                      var token =
                          tokens.issue(
                              OneTimeTokens.Purpose.PASSWORD_RESET, account.id(), VALIDITY);
                      audit.security(
                          SecurityEvent.PASSWORD_RESET_REQUESTED, account.id().toString(), null);
                      events.publishEvent(
                          new PasswordResetRequested(
                              account.id(),
                              account.locale(),
                              seals.forPlatform(
                                  "password-reset", "/password-reset/new?token=" + token)));
                    }));
  }

  /** Sets the new password with the token from the link; the token works once. */
  public void complete(String token, String newPassword) {
    if (PasswordPolicy.tooWeak(newPassword)) {
      throw ProblemException.invalid("password", PasswordPolicy.RULE);
    }
    var hash = passwords.encode(newPassword);
    var signedIn = new java.util.ArrayList<String>(1); // whose web sessions end after the commit
    tenants.beforeTenant(
        () -> {
          var user =
              tokens
                  .redeem(OneTimeTokens.Purpose.PASSWORD_RESET, token)
                  .orElseThrow(
                      () ->
                          new ProblemException(
                              HttpStatus.BAD_REQUEST,
                              "invalid-token",
                              "This reset link is invalid, expired or already used."));
          users.changePassword(user, hash);
          users.signOutEverywhere(user);
          tokens.revokeAll(OneTimeTokens.Purpose.PASSWORD_RESET, user);
          // a reset proves control of the mailbox: the account is confirmed and unlocked
          users.confirmEmail(user);
          jdbc.sql("delete from sign_in_failures where user_id = ?").param(user.value()).update();
          jdbc.sql(
                  "update refresh_tokens set revoked_at = now()"
                      + " where user_id = ? and revoked_at is null")
              .param(user.value())
              .update();
          audit.security(SecurityEvent.PASSWORD_CHANGED, user.toString(), "by reset link");
          users.byId(user).ifPresent(account -> signedIn.add(account.email()));
        });
    // after the commit, so that a session signed in with the old password just before ends too
    signedIn.forEach(signOut::endWebSessions);
  }
}
