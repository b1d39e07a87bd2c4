package io.carebook.identity;

import io.carebook.audit.AuditTrail;
import io.carebook.shared.ClinicId;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.ProblemException;
import io.carebook.shared.UserId;
import io.carebook.tenancy.TenantContext;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Service;

/**
 * Signs in through the API and switches the active clinic: both answer with a fresh access token
 * bound to one clinic. The web does the same through its session.
 */
@Service
public class Sessions {

  private final AuthenticationManager authentication;
  private final Memberships memberships;
  private final AccessTokens tokens;
  private final RateLimits limits;
  private final AuditTrail audit;
  private final TokenSecondFactor secondFactor;

  Sessions(
      AuthenticationManager authentication,
      Memberships memberships,
      AccessTokens tokens,
      RateLimits limits,
      AuditTrail audit,
      TokenSecondFactor secondFactor) {
    this.audit = audit;
    this.secondFactor = secondFactor;
    this.authentication = authentication;
    this.memberships = memberships;
    this.tokens = tokens;
    this.limits = limits;
  }

  /** An access token and where it may be used. */
  public record Token(
      String accessToken,
      String tokenType,
      long expiresIn,
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
    limits.consume(RateLimits.SIGN_IN_PER_IP, clientIp);
    CarebookUser user;
    try {
      var result =
          authentication.authenticate(
              UsernamePasswordAuthenticationToken.unauthenticated(email.trim(), password));
      user = (CarebookUser) result.getPrincipal();
    } catch (AuthenticationException e) {
      throw new ProblemException(
          HttpStatus.UNAUTHORIZED,
          "invalid-credentials",
          "The e-mail or password is wrong, or the e-mail is not confirmed yet.");
    }
    secondFactor.require(user, code);
    return tokenFor(user.id(), user.displayName(), clinic);
  }

  /** A new token for the current user, bound to {@code clinic} if they are a member there. */
  public Token switchClinic(ClinicId clinic) {
    var member = CurrentMember.current().orElseThrow();
    return tokenFor(member.userId(), member.displayName(), clinic);
  }

  private Token tokenFor(UserId user, String name, @Nullable ClinicId clinic) {
    var all = memberships.of(user);
    var member = new CurrentMember(user, name, null, all);
    var active =
        clinic == null
            ? all.stream().filter(Membership::active).findFirst().orElse(null)
            : member.membershipIn(clinic).orElseThrow(() -> new NotFoundException("Clinic"));
    var issued = tokens.issue(user, name, active);
    var scope =
        active == null
            ? TenantContext.Scope.user(user)
            : TenantContext.Scope.member(
                active.tenantId(), active.clinicId(), user, io.carebook.tenancy.ActorType.HUMAN);
    TenantContext.run(
        scope,
        () ->
            audit.security(
                AuditTrail.SecurityEvent.TOKEN_ISSUED, user.toString(), "expires in 15 minutes"));
    return new Token(
        issued.token(),
        "Bearer",
        issued.expiresInSeconds(),
        active == null ? null : active.clinicId(),
        all);
  }

  /** Whether the signed-in web user may make {@code clinic} their active one. */
  public boolean mayActivate(ClinicId clinic) {
    return CurrentMember.current().flatMap(m -> m.membershipIn(clinic)).isPresent()
        && TenantContext.current().isPresent();
  }
}
