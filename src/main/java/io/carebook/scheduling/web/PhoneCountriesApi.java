package io.carebook.scheduling.web;

import io.carebook.scheduling.ServedCountries;
import io.carebook.shared.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The countries whose phones the clinic's public booking page sends one-time codes to. */
@RestController
@Tag(name = "Scheduling")
class PhoneCountriesApi {

  private final ServedCountries countries;

  PhoneCountriesApi(ServedCountries countries) {
    this.countries = countries;
  }

  /** ISO 3166 country codes, e.g. {@code ["EG", "SA"]}. */
  record Countries(@NotNull @Size(max = 50) List<String> countries) {}

  @GetMapping("/api/v1/booking-rules/phone-countries")
  @Operation(
      summary = "The countries whose phones the public booking page sends codes to",
      description = "The clinic's own country unless more are allowed.")
  ResponseEntity<Countries> get() {
    return ResponseEntity.ok()
        .eTag(ETags.of(countries.version()))
        .body(new Countries(countries.served()));
  }

  @PutMapping("/api/v1/booking-rules/phone-countries")
  @Operation(
      summary = "Allow the public booking page to send codes to more countries (SCHEDULE_EDIT)",
      description =
          "Example: {\"countries\": [\"EG\", \"SA\"]}. The clinic's own country is always"
              + " included; others are refused with a field error on phone. 400 for a code that"
              + " is no ISO 3166 country. If-Match (optional) with the ETag of the GET refuses"
              + " a stale write (412).")
  ResponseEntity<Countries> set(
      @Valid @RequestBody Countries body,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
    var served = countries.serve(body.countries(), ETags.sent(ifMatch));
    return ResponseEntity.ok().eTag(ETags.of(countries.version())).body(new Countries(served));
  }
}
