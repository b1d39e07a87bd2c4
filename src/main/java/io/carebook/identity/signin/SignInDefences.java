package io.carebook.identity.signin;

import io.carebook.identity.accounts.Users;
import io.carebook.shared.web.RateLimits;
import io.carebook.tenancy.TenantContext;
import io.carebook.tenancy.TenantTransactions;
import java.time.Duration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The one set of sign-in defences, in front of every password check: the web form, the API's token
 * endpoint, and an existing account joining a clinic (which signs in through one of them). In
 * order: the per-address rate limit, the {@link Lockout}, then the password; a wrong password is
 * counted. Every outcome, refusals included, is published as an authentication event and audited by
 * {@link SecurityEventsAuditor}. The address is the connection's, or the client's as a trusted
 * proxy forwarded it ({@link TrustedProxies}); any other client's X-Forwarded-For is ignored.
 */
public class SignInDefences implements AuthenticationProvider {

  /** Refused before the password was looked at: wait {@link #retryAfter()}. */
  public static class TooManySignIns extends LockedException {
    private final Duration retryAfter;
    private final boolean rateLimited;

    TooManySignIns(Duration retryAfter, boolean rateLimited) {
      super("Too many sign-ins; try again in " + retryAfter.toSeconds() + " seconds.");
      this.retryAfter = retryAfter;
      this.rateLimited = rateLimited;
    }

    public Duration retryAfter() {
      return retryAfter;
    }

    /** The address made too many attempts (rather than too many wrong ones). */
    public boolean rateLimited() {
      return rateLimited;
    }
  }

  private final AuthenticationProvider passwords;
  private final Lockout lockout;
  private final RateLimits limits;
  private final Users users;
  private final TenantTransactions tenants;

  public SignInDefences(
      AuthenticationProvider passwords,
      Lockout lockout,
      RateLimits limits,
      Users users,
      TenantTransactions tenants) {
    this.passwords = passwords;
    this.lockout = lockout;
    this.limits = limits;
    this.users = users;
    this.tenants = tenants;
  }

  /** The address a sign-in comes from: the web form's, or what the API passed as details. */
  static String addressOf(Authentication authentication) {
    return switch (authentication.getDetails()) {
      case WebAuthenticationDetails web -> counted(String.valueOf(web.getRemoteAddress()));
      case String address -> counted(address);
      case null, default -> "unknown";
    };
  }

  /**
   * The address as limits and locks count it: an IPv4 address, or an IPv6 address's /64 network,
   * since one client commonly holds a whole /64 and could otherwise try from a fresh address each
   * time.
   */
  static String counted(String address) {
    if (address.indexOf(':') < 0) {
      return address;
    }
    try {
      var bytes = java.net.InetAddress.ofLiteral(address).getAddress();
      if (bytes.length != 16) {
        return address;
      }
      var network = java.util.Arrays.copyOf(bytes, 16);
      java.util.Arrays.fill(network, 8, 16, (byte) 0);
      return java.net.InetAddress.getByAddress(network).getHostAddress() + "/64";
    } catch (IllegalArgumentException | java.net.UnknownHostException e) {
      return address;
    }
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    var address = addressOf(authentication);
    try {
      limits.consume(RateLimits.SIGN_IN_PER_IP, address);
    } catch (RateLimits.Exceeded e) {
      throw new TooManySignIns(Duration.ofSeconds(e.retryAfterSeconds()), true);
    }
    var email = String.valueOf(authentication.getPrincipal()).trim();
    var user =
        tenants
            .readOnly(TenantContext.Scope.anonymous(), () -> users.byEmail(email))
            .map(Users.Account::id)
            .orElse(null);
    var wait = lockout.wait(user, address);
    if (wait.isPresent()) {
      throw new TooManySignIns(wait.get(), false);
    }
    try {
      var result = passwords.authenticate(authentication);
      if (user != null) {
        lockout.succeeded(user, address);
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
