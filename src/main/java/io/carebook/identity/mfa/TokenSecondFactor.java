package io.carebook.identity.mfa;

import io.carebook.audit.AuditTrail;
import io.carebook.audit.AuditTrail.SecurityEvent;
import io.carebook.identity.accounts.CarebookUser;
import io.carebook.shared.ProblemException;
import io.carebook.shared.UserId;
import io.carebook.tenancy.TenantContext;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The second step of an API sign-in, after the password: an enrolled user must send a code (from
 * the authenticator, or a recovery code); a user whom the policy requires to enrol gets no token,
 * only an enrolment token.
 */
@Component
public class TokenSecondFactor {

  private final SecondFactor secondFactor;
  private final MfaPolicy policy;
  private final MfaEnrolmentTokens tokens;
  private final AuditTrail audit;

  TokenSecondFactor(
      SecondFactor secondFactor, MfaPolicy policy, MfaEnrolmentTokens tokens, AuditTrail audit) {
    this.secondFactor = secondFactor;
    this.policy = policy;
    this.tokens = tokens;
    this.audit = audit;
  }

  /** Passes a user who gave a valid code (then true) or needs none (false); refuses the rest. */
  public boolean require(CarebookUser user, @Nullable String code) {
    if (secondFactor.enrolled(user.id())) {
      if (code == null || code.isBlank()) {
        throw new ProblemException(
            HttpStatus.UNAUTHORIZED,
            "mfa-required",
            "This account uses two-step sign-in: send the 6-digit code from the authenticator app,"
                + " or a recovery code, as 'code'.");
      }
      var kind = secondFactor.verify(user.id(), code);
      if (kind.isEmpty()) {
        throw new ProblemException(
            HttpStatus.UNAUTHORIZED, "invalid-code", "The code is wrong, expired or already used.");
      }
      TenantContext.run(
          TenantContext.Scope.user(user.id()),
          () ->
              audit.security(SecurityEvent.MFA_VERIFIED, user.id().toString(), kind.get().name()));
      return true;
    }
    if (policy.requires(user.id())) {
      throw new MfaEnrolmentRequiredException(tokens.issue(user.id(), user.displayName()));
    }
    return false;
  }

  /**
   * Re-checks the policy for tokens whose sign-in gave no second factor, when they are renewed or
   * exchanged: once the policy applies to the user (a new role, or the organization now requiring
   * it of everyone), they must sign in again with a code, or set up two-step sign-in first.
   */
  public void stillSatisfied(UserId user, String displayName, boolean signedInWithSecondFactor) {
    if (signedInWithSecondFactor || !policy.requires(user)) {
      return;
    }
    if (secondFactor.enrolled(user)) {
      throw new ProblemException(
          HttpStatus.UNAUTHORIZED,
          "mfa-sign-in-required",
          "Two-step sign-in is now required of this account, and this session began without it:"
              + " sign in again with the password and a code.");
    }
    throw new MfaEnrolmentRequiredException(tokens.issue(user, displayName));
  }
}
