package io.carebook.tenancy.web;

import io.carebook.shared.ProblemException;
import io.carebook.tenancy.ClinicSettings;
import io.carebook.tenancy.Regions;
import io.carebook.tenancy.TenantContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The active clinic's settings page: name, country, time zone, currency, address and phone, with
 * what a zone or currency change means for appointments and invoices said before saving.
 */
@Controller
class ClinicSettingsPage {

  private final ClinicSettings settings;

  ClinicSettingsPage(ClinicSettings settings) {
    this.settings = settings;
  }

  /** The form's fields, as posted. */
  record SettingsForm(
      @Nullable String name,
      @Nullable String country,
      @Nullable String timezone,
      @Nullable String currency,
      @Nullable String address,
      @Nullable String phone,
      boolean confirmZoneChange) {}

  @GetMapping("/settings/clinic")
  String show(@RequestParam(required = false) @Nullable String saved, Model model) {
    var clinic = settings.of(TenantContext.clinic());
    model.addAttribute(
        "form",
        new SettingsForm(
            clinic.name(),
            clinic.country(),
            clinic.timezone().getId(),
            clinic.currency(),
            clinic.address(),
            clinic.phone(),
            false));
    model.addAttribute("saved", saved != null);
    return page(model, null);
  }

  @PostMapping("/settings/clinic")
  String save(
      @ModelAttribute("form") SettingsForm posted,
      BindingResult errors,
      @RequestParam(required = false) @Nullable String regionFor,
      Model model) {
    // without JavaScript the zone and currency shown were the previous country's: derive them
    var form =
        regionFor == null || regionFor.equals(posted.country())
            ? posted
            : new SettingsForm(
                posted.name(),
                posted.country(),
                null,
                null,
                posted.address(),
                posted.phone(),
                posted.confirmZoneChange());
    model.addAttribute("form", form);
    try {
      settings.change(
          TenantContext.clinic(),
          new ClinicSettings.Changes(
              form.name(),
              form.country(),
              form.timezone(),
              form.currency(),
              form.address(),
              form.phone(),
              form.confirmZoneChange()));
      return "redirect:/settings/clinic?saved";
    } catch (ProblemException e) {
      if (e.errors().isEmpty()) {
        throw e;
      }
      e.errors().forEach(f -> errors.rejectValue(f.field(), f.field(), f.message()));
      return page(model, errors);
    }
  }

  private String page(Model model, @Nullable BindingResult errors) {
    var form = (SettingsForm) model.getAttribute("form");
    var clinic = settings.of(TenantContext.clinic());
    model.addAttribute("clinic", clinic);
    model.addAttribute("countries", Regions.servedCountries());
    model.addAttribute(
        "choices", Regions.choices(form.country(), form.timezone(), form.currency()));
    model.addAttribute("zoneError", message(errors, "timezone"));
    model.addAttribute("currencyError", message(errors, "currency"));
    model.addAttribute("appointmentsToCome", settings.appointmentsToCome(clinic.id()));
    return "tenancy/clinic-settings";
  }

  private static @Nullable String message(@Nullable BindingResult errors, String field) {
    var error = errors == null ? null : errors.getFieldError(field);
    return error == null ? null : error.getDefaultMessage();
  }
}
