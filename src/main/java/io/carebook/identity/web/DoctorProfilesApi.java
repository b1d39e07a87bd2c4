package io.carebook.identity.web;

import io.carebook.identity.DoctorProfiles;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.UserId;
import io.carebook.shared.web.CursorPage;
import io.carebook.shared.web.ETags;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Permissions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Doctors", description = "The organization's doctors and their profiles")
class DoctorProfilesApi {

  private final DoctorProfiles profiles;
  private final Permissions permissions;

  DoctorProfilesApi(DoctorProfiles profiles, Permissions permissions) {
    this.profiles = profiles;
    this.permissions = permissions;
  }

  /** Money as the API writes it: the amount as a string, never a float. */
  record Money(String amount, String currency) {}

  record ProfileView(
      String userId,
      String name,
      @Nullable String specialty,
      @Nullable String licenceNumber,
      @Nullable Money consultationFee,
      List<String> languages,
      @io.swagger.v3.oas.annotations.media.Schema(
              description =
                  "the profile's version, its ETag to send back as If-Match (0: none written)",
              example = "1")
          int version) {

    static ProfileView of(DoctorProfiles.Profile p) {
      return new ProfileView(
          p.userId().toString(),
          p.name(),
          p.specialty(),
          p.licenceNumber(),
          p.consultationFee() == null
              ? null
              : new Money(p.consultationFee().toPlainString(), p.currency()),
          p.languages(),
          p.version());
    }
  }

  record ProfileInput(
      @Size(max = 100) @Nullable String specialty,
      @Size(max = 60) @Nullable String licenceNumber,
      @Nullable Money consultationFee,
      @Nullable List<@Size(max = 30) String> languages) {}

  @GetMapping("/api/v1/doctors")
  @Operation(summary = "The active clinic's doctors with their profiles")
  CursorPage<ProfileView> doctors(
      @RequestParam(required = false) @Nullable Integer limit,
      @RequestParam(required = false) @Nullable String cursor) {
    permissions.require(Action.PATIENT_VIEW);
    return CursorPage.wholeUnlessLimited(
        profiles.ofActiveClinic().stream().map(ProfileView::of).toList(),
        limit,
        cursor,
        ProfileView::userId);
  }

  @PutMapping("/api/v1/doctors/{userId}/profile")
  @Operation(
      summary = "Write a doctor's profile (needs STAFF_MANAGE); fee as {amount, currency}",
      description =
          "If-Match (optional) with the profile's version (its 'version' in GET /api/v1/doctors,"
              + " as an ETag: \"1\"; \"0\" before one is written) refuses a stale write (412).")
  ResponseEntity<ProfileView> write(
      @PathVariable String userId,
      @Valid @RequestBody ProfileInput body,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
    permissions.require(Action.STAFF_MANAGE);
    var fee = body.consultationFee();
    BigDecimal amount;
    try {
      amount = fee == null ? null : new BigDecimal(fee.amount());
    } catch (NumberFormatException e) {
      throw io.carebook.shared.ProblemException.invalid(
          "consultationFee.amount", "is not a decimal amount");
    }
    var written =
        profiles.write(
            new DoctorProfiles.Profile(
                user(userId),
                "",
                body.specialty(),
                body.licenceNumber(),
                amount,
                fee == null ? null : fee.currency(),
                body.languages() == null ? List.of() : body.languages()),
            ETags.sent(ifMatch));
    return ResponseEntity.ok().eTag(ETags.of(written.version())).body(ProfileView.of(written));
  }

  private static UserId user(String value) {
    try {
      return new UserId(UUID.fromString(value));
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("Doctor");
    }
  }
}
