package io.carebook.tenancy.web;

import io.carebook.shared.ClinicId;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.web.ETags;
import io.carebook.tenancy.Clinic;
import io.carebook.tenancy.ClinicSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Clinic settings", description = "The active clinic's name, place, zone and currency")
class ClinicSettingsApi {

  private final ClinicSettings settings;

  ClinicSettingsApi(ClinicSettings settings) {
    this.settings = settings;
  }

  record ClinicView(
      String id,
      String name,
      String slug,
      String country,
      String timezone,
      String currency,
      String locale,
      @Nullable String address,
      @Nullable String phone,
      long appointmentsToCome) {

    static ClinicView of(Clinic clinic, long appointmentsToCome) {
      return new ClinicView(
          clinic.id().toString(),
          clinic.name(),
          clinic.slug(),
          clinic.country(),
          clinic.timezone().getId(),
          clinic.currency(),
          clinic.locale().getLanguage(),
          clinic.address(),
          clinic.phone(),
          appointmentsToCome);
    }
  }

  @GetMapping("/api/v1/clinics/{id}")
  @Operation(summary = "The active clinic's settings (SETTINGS_MANAGE; another clinic: 404)")
  ResponseEntity<ClinicView> settings(@PathVariable String id) {
    var clinic = settings.of(clinicId(id));
    return ResponseEntity.ok()
        .eTag(ETags.of(settings.version(clinic.id())))
        .body(ClinicView.of(clinic, settings.appointmentsToCome(clinic.id())));
  }

  @PutMapping("/api/v1/clinics/{id}")
  @Operation(
      summary = "Change the active clinic's settings (SETTINGS_MANAGE; another clinic: 404)",
      description =
          "A time zone or currency left out comes from the country. Appointments are instants:"
              + " after a zone change they keep their absolute time and their clock time in the"
              + " clinic shifts, so with appointments to come confirmZoneChange must be true."
              + " Weekly hours keep their local times; issued invoices keep their currency."
              + " If-Match with the ETag read refuses a stale write (412); without it the change"
              + " is applied.")
  ResponseEntity<ClinicView> change(
      @PathVariable String id,
      @RequestBody ClinicSettings.Changes changes,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
    var clinic = settings.change(clinicId(id), changes, ETags.sent(ifMatch));
    return ResponseEntity.ok()
        .eTag(ETags.of(settings.version(clinic.id())))
        .body(ClinicView.of(clinic, settings.appointmentsToCome(clinic.id())));
  }

  private static ClinicId clinicId(String id) {
    try {
      return ClinicId.of(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("Clinic");
    }
  }
}
