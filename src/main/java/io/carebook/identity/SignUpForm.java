package io.carebook.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What a person gives to open an organization: its first clinic and their own owner account. Used
 * by the sign-up page and the API alike. A time zone or currency left out comes from the country
 * ({@link io.carebook.tenancy.Regions}).
 */
public record SignUpForm(
    @NotBlank @Size(max = 200) String organizationName,
    @NotBlank @Size(max = 200) String clinicName,
    @NotBlank @Size(max = 200) String ownerName,
    @NotBlank @Email @Size(max = 254) String email,
    @NotBlank @Size(min = 10, max = 200) String password,
    @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter country code")
        String country,
    @Nullable String timezone,
    @Pattern(regexp = "[A-Z]{3}", message = "must be a three-letter currency code")
        @Nullable String currency,
    @Pattern(regexp = "en|es|ar", message = "must be en, es or ar") @Nullable String locale,
    boolean ownerIsDoctor) {

  String localeOrDefault() {
    return locale == null ? "en" : locale;
  }

  /** This form with its zone and currency left to the country. */
  public SignUpForm placedByCountry() {
    return new SignUpForm(
        organizationName,
        clinicName,
        ownerName,
        email,
        password,
        country,
        null,
        null,
        locale,
        ownerIsDoctor);
  }
}
