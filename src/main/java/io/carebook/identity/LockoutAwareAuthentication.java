package io.carebook.identity;

import io.carebook.tenancy.TenantContext;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks the password only for an account and address that are not locked out, and counts every
 * wrong password. The web form and the API both sign in through it.
 */
class LockoutAwareAuthentication implements AuthenticationProvider {

  private final AuthenticationProvider passwords;
  private final Lockout lockout;
  private final Users users;
  private final TransactionTemplate readOnly;

  LockoutAwareAuthentication(
      AuthenticationProvider passwords,
      Lockout lockout,
      Users users,
      PlatformTransactionManager transactions) {
    this.passwords = passwords;
    this.lockout = lockout;
    this.users = users;
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
  }

  /** The address a sign-in comes from: the web form's, or what the API passed as details. */
  static String addressOf(Authentication authentication) {
    return switch (authentication.getDetails()) {
      case WebAuthenticationDetails web -> String.valueOf(web.getRemoteAddress());
      case String address -> address;
      case null, default -> "unknown";
    };
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    var address = addressOf(authentication);
    var email = String.valueOf(authentication.getPrincipal()).trim();
    var user =
        TenantContext.call(
                TenantContext.Scope.anonymous(), () -> readOnly.execute(s -> users.byEmail(email)))
            .map(Users.Account::id)
            .orElse(null);
    if (lockout.lockedOut(user, address)) {
      throw new LockedException("Too many failed sign-ins; try again in 15 minutes.");
    }
    try {
      var result = passwords.authenticate(authentication);
      if (user != null) {
        lockout.succeeded(user);
      }
      return result;
    } catch (BadCredentialsException e) {
      lockout.failed(user, address);
      throw e;
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return passwords.supports(authentication);
  }
}
