package io.carebook.identity.web;

import io.carebook.identity.members.CurrentMember;
import io.carebook.identity.mfa.MfaEnrolment;
import io.carebook.shared.UserId;
import io.carebook.tenancy.AllowedWhenReadOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Two-step sign-in through the API, for the signed-in user, or for one who must set it up first
 * with the enrolment token that {@code POST /api/v1/tokens} answered with.
 */
@RestController
@Tag(name = "Two-step sign-in", description = "An authenticator app (TOTP) and recovery codes")
@AllowedWhenReadOnly
class MfaApi {

  private final MfaEnrolment enrolment;

  MfaApi(MfaEnrolment enrolment) {
    this.enrolment = enrolment;
  }

  record Code(@NotBlank String code) {}

  record RecoveryCodes(List<String> recoveryCodes) {}

  @GetMapping("/api/v1/me/mfa")
  @Operation(
      summary = "Whether two-step sign-in is on, required, and how many recovery codes are left")
  MfaEnrolment.Status status() {
    return enrolment.status(user());
  }

  @PostMapping("/api/v1/me/mfa")
  @Operation(
      summary = "Start setting up an authenticator app: its secret, and the same as an otpauth URI",
      description =
          "Returns the same secret until it is confirmed. Show the URI as a QR code, or the"
              + " secret for typing in; then confirm with a first code.")
  MfaEnrolment.Setup start() {
    return enrolment.start(user());
  }

  @PostMapping("/api/v1/me/mfa/confirmation")
  @Operation(
      summary = "Confirm the set-up with a first code; answers with 10 single-use recovery codes",
      description = "The recovery codes are shown this once; only their hashes are kept.")
  RecoveryCodes confirm(@Valid @RequestBody Code body) {
    return new RecoveryCodes(enrolment.confirm(user(), body.code()));
  }

  @PostMapping("/api/v1/me/mfa/recovery-codes")
  @Operation(summary = "Replace the recovery codes, for a current code")
  RecoveryCodes renew(@Valid @RequestBody Code body) {
    return new RecoveryCodes(enrolment.renewRecoveryCodes(user(), body.code()));
  }

  @PostMapping("/api/v1/me/mfa/disable")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Turn two-step sign-in off, for a current code or a recovery code")
  void disable(@Valid @RequestBody Code body) {
    enrolment.disable(user(), body.code());
  }

  private static UserId user() {
    return CurrentMember.current().orElseThrow().userId();
  }
}
