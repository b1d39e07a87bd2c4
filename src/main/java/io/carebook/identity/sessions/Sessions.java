package io.carebook.identity.sessions;

import io.carebook.audit.AuditTrail;
import io.carebook.audit.AuditTrail.SecurityEvent;
import io.carebook.identity.accounts.CarebookUser;
import io.carebook.identity.accounts.Users;
import io.carebook.identity.members.CurrentMember;
import io.carebook.identity.members.Membership;
import io.carebook.identity.members.Memberships;
import io.carebook.identity.mfa.TokenSecondFactor;
import io.carebook.identity.signin.SignInDefences;
import io.carebook.shared.ClinicId;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.ProblemException;
import io.carebook.shared.UserId;
import io.carebook.shared.web.RateLimits;
import io.carebook.tenancy.TenantContext;
import io.carebook.tenancy.TenantTransactions;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Service;

/**
 * API sign-in: exchanges a password, a refresh token or a clinic switch for a short-lived access
 * token bound to one clinic, and a rotating refresh token. The web does the same through its
 * session.
 */
@Service
public class Sessions {

  private final AuthenticationManager authentication;
  private final Memberships memberships;
  private final AccessTokens tokens;
  private final RefreshTokens refreshTokens;
  private final Users users;
  private final RateLimits limits;
  private final AuditTrail audit;
  private final TenantTransactions tenants;
  private final TokenSecondFactor secondFactor;

  Sessions(
      AuthenticationManager authentication,
      Memberships memberships,
      AccessTokens tokens,
      RefreshTokens refreshTokens,
      Users users,
      RateLimits limits,
      AuditTrail audit,
      TenantTransactions tenants,
      TokenSecondFactor secondFactor) {
    this.secondFactor = secondFactor;
    this.authentication = authentication;
    this.memberships = memberships;
    this.tokens = tokens;
    this.refreshTokens = refreshTokens;
    this.users = users;
    this.limits = limits;
    this.audit = audit;
    this.tenants = tenants;
  }

  /** An access token, the refresh token that renews it, and where they may be used. */
  public record Token(
      String accessToken,
      String tokenType,
      long expiresIn,
      String refreshToken,
      long refreshExpiresIn,
      @Nullable ClinicId clinicId,
      List<Membership> memberships) {}

  /**
   * Signs in with e-mail, password and, for an account with two-step sign-in, a {@code code} (see
   * {@link TokenSecondFactor}).
   */
  public Token signIn(
      String email,
      String password,
      @Nullable String code,
      @Nullable ClinicId clinic,
      String clientIp) {
    CarebookUser user;
    try {
      var attempt = UsernamePasswordAuthenticationToken.unauthenticated(email.trim(), password);
      attempt.setDetails(clientIp);
      user = (CarebookUser) authentication.authenticate(attempt).getPrincipal();
    } catch (SignInDefences.TooManySignIns e) {
      throw tooMany(e);
    } catch (AuthenticationException e) {
      throw new ProblemException(
          HttpStatus.UNAUTHORIZED,
          "invalid-credentials",
          "The e-mail or password is wrong, or the e-mail is not confirmed yet.");
    }
    var verified = secondFactor.require(user, code);
    return tokenFor(user.id(), user.displayName(), clinic, UUID.randomUUID(), verified);
  }

  private static ProblemException tooMany(SignInDefences.TooManySignIns e) {
    var seconds = Math.max(1, e.retryAfter().toSeconds());
    var problem =
        e.rateLimited()
            ? new ProblemException(
                HttpStatus.TOO_MANY_REQUESTS,
                "rate-limited",
                "Too many requests; please wait " + seconds + " seconds and try again.")
            : new ProblemException(
                HttpStatus.TOO_MANY_REQUESTS,
                "locked-out",
                "Too many failed sign-ins for this account from this address, or from too many"
                    + " addresses; try again in "
                    + Math.max(1, (seconds + 59) / 60)
                    + " minutes, sign in with a link sent to the account's e-mail (/signin/link),"
                    + " or reset the password.");
    return problem.header("Retry-After", Long.toString(seconds));
  }

  /**
   * Renews an access token. The refresh token is used up and replaced; one that was used before
   * revokes its whole family.
   */
  public Token refresh(String refreshToken, String clientIp) {
    limits.consume(RateLimits.SIGN_IN_PER_IP, clientIp);
    var redemption = tenants.beforeTenant(() -> refreshTokens.redeem(refreshToken));
    return switch (redemption) {
      case RefreshTokens.Redemption.Valid valid -> renew(valid);
      case RefreshTokens.Redemption.Reused reused -> {
        platformEvent(SecurityEvent.TOKEN_FAMILY_REVOKED, reused.user(), "refresh token reused");
        throw new ProblemException(
            HttpStatus.UNAUTHORIZED,
            "refresh-token-reused",
            "This refresh token was already used. Every session it belonged to is signed out;"
                + " sign in again.");
      }
      case RefreshTokens.Redemption.Invalid invalid ->
          throw new ProblemException(
              HttpStatus.UNAUTHORIZED,
              "invalid-refresh-token",
              "This refresh token is unknown, expired or revoked; sign in again.");
    };
  }

  /**
   * A new token pair for the current user, bound to {@code clinic} if they are a member. It
   * remembers whether the current token's sign-in gave a second factor, and the MFA policy is
   * checked again as on a refresh.
   */
  public Token switchClinic(ClinicId clinic) {
    var member = CurrentMember.required();
    var verified =
        SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken jwt
            && AccessTokens.signedInWithSecondFactor(jwt.getToken());
    secondFactor.stillSatisfied(member.userId(), member.displayName(), verified);
    return tokenFor(member.userId(), member.displayName(), clinic, UUID.randomUUID(), verified);
  }

  private Token renew(RefreshTokens.Redemption.Valid valid) {
    var account =
        tenants
            .beforeTenant(() -> users.byId(valid.user()))
            .orElseThrow(
                () ->
                    new ProblemException(
                        HttpStatus.UNAUTHORIZED,
                        "invalid-refresh-token",
                        "The account no longer exists."));
    try {
      secondFactor.stillSatisfied(valid.user(), account.displayName(), valid.secondFactor());
    } catch (ProblemException refused) {
      tenants.beforeTenant(
          () -> {
            refreshTokens.revokeFamily(valid.family());
            return null;
          });
      platformEvent(SecurityEvent.TOKEN_FAMILY_REVOKED, valid.user(), "second factor now required");
      throw refused;
    }
    var stillMember =
        valid.clinic() != null
            && memberships.of(valid.user()).stream()
                .anyMatch(m -> m.active() && m.clinicId().equals(valid.clinic()));
    return tokenFor(
        valid.user(),
        account.displayName(),
        stillMember ? valid.clinic() : null,
        valid.family(),
        valid.secondFactor());
  }

  private Token tokenFor(
      UserId user, String name, @Nullable ClinicId clinic, UUID family, boolean verified) {
    var all = memberships.of(user);
    var member = new CurrentMember(user, name, null, all);
    var active =
        clinic == null
            ? all.stream().filter(Membership::active).findFirst().orElse(null)
            : member.membershipIn(clinic).orElseThrow(() -> new NotFoundException("Clinic"));
    var issued = tokens.issue(user, name, active, verified);
    var refresh =
        tenants.beforeTenant(
            () ->
                refreshTokens.issue(
                    family, user, active == null ? null : active.clinicId(), verified));
    var scope =
        active == null
            ? TenantContext.Scope.user(user)
            : TenantContext.Scope.member(active.tenantId(), active.clinicId(), user);
    TenantContext.run(
        scope,
        () -> audit.security(SecurityEvent.TOKEN_ISSUED, user.toString(), "expires in 15 minutes"));
    return new Token(
        issued.token(),
        "Bearer",
        issued.expiresInSeconds(),
        refresh,
        RefreshTokens.LIFETIME.toSeconds(),
        active == null ? null : active.clinicId(),
        all);
  }

  private void platformEvent(SecurityEvent event, UserId user, String detail) {
    TenantContext.run(
        TenantContext.Scope.anonymous(), () -> audit.security(event, user.toString(), detail));
  }
}
