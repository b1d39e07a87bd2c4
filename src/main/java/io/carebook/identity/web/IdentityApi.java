package io.carebook.identity.web;

import io.carebook.identity.SignUp;
import io.carebook.identity.SignUpForm;
import io.carebook.identity.accounts.EmailConfirmation;
import io.carebook.identity.members.CurrentMember;
import io.carebook.identity.mfa.MfaEnrolmentRequiredException;
import io.carebook.identity.sessions.Sessions;
import io.carebook.identity.signin.PasswordReset;
import io.carebook.shared.ClinicId;
import io.carebook.shared.web.RateLimits;
import io.carebook.tenancy.AllowedWhenReadOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Identity", description = "Sign-up, sign-in and the active clinic")
@AllowedWhenReadOnly
class IdentityApi {

  private final SignUp signUp;
  private final EmailConfirmation confirmation;
  private final Sessions sessions;
  private final RateLimits limits;
  private final PasswordReset passwordReset;

  IdentityApi(
      SignUp signUp,
      EmailConfirmation confirmation,
      Sessions sessions,
      RateLimits limits,
      PasswordReset passwordReset) {
    this.passwordReset = passwordReset;
    this.signUp = signUp;
    this.confirmation = confirmation;
    this.sessions = sessions;
    this.limits = limits;
  }

  record SignUpAccepted(String organizationId, String clinicId, String userId, String next) {}

  @PostMapping("/api/v1/signups")
  @Operation(
      summary = "Open an organization with its first clinic and owner (public, rate-limited)",
      description =
          "The clinic starts a 14-day trial. The owner must confirm the e-mail before signing in.")
  ResponseEntity<SignUpAccepted> signUp(
      @Valid @RequestBody SignUpForm form, HttpServletRequest request) {
    limits.consume(RateLimits.SIGN_UP_PER_IP, request.getRemoteAddr());
    var opened = signUp.open(form);
    return ResponseEntity.created(URI.create("/api/v1/me"))
        .body(
            new SignUpAccepted(
                opened.tenantId().toString(),
                opened.clinicId().toString(),
                opened.ownerId().toString(),
                "Confirm the e-mail address through the link we sent, then sign in."));
  }

  record Confirmation(@NotBlank String token) {}

  @PostMapping("/api/v1/email-confirmations")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Confirm an e-mail address with the token from the link (public)")
  void confirm(@Valid @RequestBody Confirmation body) {
    confirmation.confirm(body.token());
  }

  record Credentials(
      @NotBlank String email,
      @NotBlank String password,
      @Nullable String code,
      @Nullable String clinicId) {}

  @PostMapping("/api/v1/tokens")
  @Operation(
      summary = "Sign in: exchange e-mail and password for a 15-minute access token (public)",
      description =
          "The token is bound to one clinic: the one named, or the first membership. An account"
              + " with two-step sign-in also sends `code` (from the authenticator app, or a"
              + " recovery code): without it the answer is 401 /problems/mfa-required, with a"
              + " wrong one 401 /problems/invalid-code. A user who must set it up first gets 401"
              + " /problems/mfa-enrolment-required with an `enrolmentToken` for /api/v1/me/mfa."
              + " After 5 wrong passwords for an account from one address (or 20 from many), 429"
              + " /problems/locked-out with Retry-After; the owner can still sign in on the web"
              + " with a link sent to the account's e-mail (/signin/link).")
  Sessions.Token signIn(@Valid @RequestBody Credentials body, HttpServletRequest request) {
    var clinic = body.clinicId() == null ? null : clinicId(body.clinicId());
    return sessions.signIn(
        body.email(), body.password(), body.code(), clinic, request.getRemoteAddr());
  }

  /** The enrolment token travels with the refusal, so an app can set up two-step sign-in. */
  @ExceptionHandler(MfaEnrolmentRequiredException.class)
  ResponseEntity<ProblemDetail> enrolmentRequired(MfaEnrolmentRequiredException e) {
    var problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
    problem.setType(e.type());
    problem.setProperty("enrolmentToken", e.enrolmentToken());
    return ResponseEntity.status(e.status())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  record Refresh(@NotBlank String refreshToken) {}

  @PostMapping("/api/v1/tokens/refresh")
  @Operation(
      summary = "Renew the access token with the refresh token (public)",
      description =
          "The refresh token is single-use: the answer carries a new one. Presenting a used one"
              + " again revokes every token of its family (401 /problems/refresh-token-reused)."
              + " The MFA policy is checked again: once it applies to the user, a family begun"
              + " without a second factor is revoked and refused (401"
              + " /problems/mfa-enrolment-required with an enrolmentToken, or"
              + " /problems/mfa-sign-in-required: sign in again with a code).")
  Sessions.Token refresh(@Valid @RequestBody Refresh body, HttpServletRequest request) {
    return sessions.refresh(body.refreshToken(), request.getRemoteAddr());
  }

  record ResetRequest(@NotBlank @jakarta.validation.constraints.Email String email) {}

  @PostMapping("/api/v1/password-resets")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(
      summary = "Ask for a password reset link (public, rate-limited)",
      description = "Answers 202 whether or not the account exists, so it reveals no e-mail.")
  void requestReset(@Valid @RequestBody ResetRequest body, HttpServletRequest request) {
    passwordReset.request(body.email(), request.getRemoteAddr());
  }

  record ResetCompletion(@NotBlank String token, @NotBlank String password) {}

  @PostMapping("/api/v1/password-resets/complete")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(
      summary = "Set a new password with the token from the reset link (public)",
      description =
          "The token works once, for 30 minutes. The account is signed out everywhere: every"
              + " web session ends, every refresh token is revoked, access tokens issued before"
              + " stop working, and every other reset link of the account is void.")
  void completeReset(@Valid @RequestBody ResetCompletion body) {
    passwordReset.complete(body.token(), body.password());
  }

  record ClinicSwitch(@NotBlank String clinicId) {}

  @PostMapping("/api/v1/tokens/switch-clinic")
  @Operation(summary = "Switch the active clinic: a new token bound to another membership")
  Sessions.Token switchClinic(@Valid @RequestBody ClinicSwitch body) {
    return sessions.switchClinic(clinicId(body.clinicId()));
  }

  @GetMapping("/api/v1/me")
  @Operation(summary = "The signed-in user, the active clinic and every membership")
  Object me() {
    var agent = io.carebook.identity.apikeys.CurrentAgent.current();
    if (agent.isPresent()) {
      return agent.get();
    }
    return CurrentMember.required();
  }

  private static ClinicId clinicId(String value) {
    try {
      return ClinicId.of(value);
    } catch (IllegalArgumentException e) {
      throw io.carebook.shared.ProblemException.invalid("clinicId", "is not a valid id");
    }
  }
}
