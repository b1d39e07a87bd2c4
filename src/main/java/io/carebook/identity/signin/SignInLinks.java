package io.carebook.identity.signin;

import io.carebook.audit.AuditTrail;
import io.carebook.audit.AuditTrail.SecurityEvent;
import io.carebook.identity.SignInLinkRequested;
import io.carebook.identity.accounts.CarebookUser;
import io.carebook.identity.accounts.CarebookUserDetailsService;
import io.carebook.identity.accounts.Users;
import io.carebook.identity.mfa.SecondFactorSignIn;
import io.carebook.identity.sessions.OneTimeTokens;
import io.carebook.shared.web.RateLimits;
import io.carebook.tenancy.Seals;
import io.carebook.tenancy.TenantTransactions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Service;

/**
 * Signing in by a link sent to the account's e-mail: how the owner of an account gets in while
 * failed sign-ins from elsewhere keep it locked. The link works once, for 15 minutes, and only its
 * hash is stored. It stands in for the password only: an account with two-step sign-in still gives
 * its code. Asking answers the same whether or not the account exists.
 */
@Service
public class SignInLinks {

  public static final String PAGE = "/signin/link";
  static final Duration VALIDITY = Duration.ofMinutes(15);

  private final Users users;
  private final OneTimeTokens tokens;
  private final RateLimits limits;
  private final Lockout lockout;
  private final CarebookUserDetailsService userDetails;
  private final SecondFactorSignIn secondFactor;
  private final ApplicationEventPublisher events;
  private final AuditTrail audit;
  private final Seals seals;
  private final TenantTransactions tenants;

  SignInLinks(
      Users users,
      OneTimeTokens tokens,
      RateLimits limits,
      Lockout lockout,
      CarebookUserDetailsService userDetails,
      SecondFactorSignIn secondFactor,
      ApplicationEventPublisher events,
      AuditTrail audit,
      Seals seals,
      TenantTransactions tenants) {
    this.users = users;
    this.tokens = tokens;
    this.limits = limits;
    this.lockout = lockout;
    this.userDetails = userDetails;
    this.secondFactor = secondFactor;
    this.events = events;
    this.audit = audit;
    this.seals = seals;
    this.tenants = tenants;
  }

  /**
   * Sends a sign-in link if the account exists (at most a few an hour); says nothing either way.
   */
  public void request(String email, String clientIp) {
    limits.consume(RateLimits.SIGN_IN_LINK_PER_IP, SignInDefences.counted(clientIp));
    tenants
        .beforeTenant(() -> users.byEmail(email.trim()))
        .filter(this::withinBudget)
        .ifPresent(this::send);
  }

  /**
   * Uses the link's token up and signs this browser in as its account (on to the code page when the
   * account has two-step sign-in); false when the token is unknown, used or expired.
   */
  public boolean signIn(String token, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    var account =
        tenants.beforeTenant(
            () ->
                tokens
                    .redeem(OneTimeTokens.Purpose.SIGN_IN_LINK, token)
                    .flatMap(
                        user -> {
                          users.confirmEmail(user); // the link proves the mailbox
                          audit.security(
                              SecurityEvent.SIGN_IN_SUCCEEDED, user.toString(), "by e-mail link");
                          return users.byId(user);
                        }));
    if (account.isEmpty()) {
      return false;
    }
    lockout.succeeded(account.get().id(), SignInDefences.counted(request.getRemoteAddr()));
    var user = (CarebookUser) userDetails.loadUserByUsername(account.get().email());
    var authentication =
        UsernamePasswordAuthenticationToken.authenticated(
            user, null, List.of(FactorGrantedAuthority.fromFactor("EMAIL_LINK")));
    request.getSession();
    request.changeSessionId();
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(authentication);
    SecurityContextHolder.setContext(context);
    new HttpSessionSecurityContextRepository().saveContext(context, request, response);
    secondFactor.onAuthenticationSuccess(request, response, authentication);
    return true;
  }

  /**
   * A sign-in link's token for an account whose e-mail was just confirmed, so that the owner who
   * opened the confirmation goes on to their clinic (its two-step set-up first) instead of typing
   * the password again; it is used by a button on the confirmation page, as a mail scanner that
   * follows links would otherwise use it up. Never sent: the confirmation link proved the mailbox.
   */
  public String afterConfirmation(io.carebook.shared.UserId account) {
    return tenants.beforeTenant(
        () -> tokens.issue(OneTimeTokens.Purpose.SIGN_IN_LINK, account, VALIDITY));
  }

  /** A mailbox gets a few links an hour at most, whoever asks. */
  private boolean withinBudget(Users.Account account) {
    try {
      limits.consume(RateLimits.SIGN_IN_LINK_PER_ACCOUNT, account.id().toString());
      return true;
    } catch (RateLimits.Exceeded e) {
      return false;
    }
  }

  private void send(Users.Account account) {
    tenants.beforeTenant(
        () -> {
          var token = tokens.issue(OneTimeTokens.Purpose.SIGN_IN_LINK, account.id(), VALIDITY);
          audit.security(SecurityEvent.SIGN_IN_LINK_REQUESTED, account.id().toString(), null);
          events.publishEvent(
              new SignInLinkRequested(
                  account.id(),
                  account.locale(),
                  seals.forPlatform("sign-in-link", PAGE + "/open?token=" + token)));
          return null;
        });
  }
}
