package io.carebook.tenancy.web;

import io.carebook.shared.ClinicId;
import io.carebook.shared.Ids;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.Secrets;
import io.carebook.tenancy.PlatformOperations;
import io.carebook.tenancy.SubscriptionStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.MessageDigest;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The platform operators' API, for Carebook's own staff and tools, not for clinics: it answers only
 * to the operator token of {@code carebook.platform.operator-token} in {@code X-Platform-Token}
 * (without one configured, it does not exist).
 */
@RestController
@Tag(name = "Platform", description = "Carebook's operators: suspend and reinstate clinics.")
class PlatformApi {

  private final PlatformOperations operations;
  private final byte @Nullable [] tokenHash;

  PlatformApi(
      PlatformOperations operations, @Value("${carebook.platform.operator-token:}") String token) {
    this.operations = operations;
    this.tokenHash = token.isBlank() ? null : Secrets.sha256(token);
  }

  record Suspension(@Nullable String reason) {}

  @PostMapping("/api/platform/v1/clinics/{id}/suspension")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(
      summary = "Suspend a clinic (it becomes read-only; its owners are told)",
      description = "A reason is required; it stays on the clinic for the operators.")
  void suspend(
      @PathVariable String id,
      @RequestHeader(name = "X-Platform-Token", required = false) @Nullable String token,
      @RequestBody Suspension body) {
    operator(token);
    operations.suspend(new ClinicId(Ids.parse(id, "Clinic")), body.reason());
  }

  @DeleteMapping("/api/platform/v1/clinics/{id}/suspension")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Reinstate a suspended clinic, as TRIAL, ACTIVE (default) or PAST_DUE")
  void reinstate(
      @PathVariable String id,
      @RequestHeader(name = "X-Platform-Token", required = false) @Nullable String token,
      @RequestParam(defaultValue = "ACTIVE") String status) {
    operator(token);
    SubscriptionStatus as;
    try {
      as = SubscriptionStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw io.carebook.shared.ProblemException.invalid("status", "is TRIAL, ACTIVE or PAST_DUE");
    }
    operations.reinstate(new ClinicId(Ids.parse(id, "Clinic")), as);
  }

  /** Anything but the operator token finds nothing here: not even that the API exists. */
  private void operator(@Nullable String token) {
    if (tokenHash == null
        || token == null
        || !MessageDigest.isEqual(tokenHash, Secrets.sha256(token))) {
      throw new NotFoundException("Page");
    }
  }
}
