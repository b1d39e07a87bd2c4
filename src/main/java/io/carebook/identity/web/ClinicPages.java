package io.carebook.identity.web;

import io.carebook.identity.members.Clinics;
import io.carebook.identity.members.CurrentMember;
import io.carebook.shared.ProblemException;
import io.carebook.tenancy.NewClinic;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.Regions;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The organization's clinics, and opening another one. */
@Controller
class ClinicPages {

  private final Clinics clinics;
  private final Organizations organizations;

  ClinicPages(Clinics clinics, Organizations organizations) {
    this.clinics = clinics;
    this.organizations = organizations;
  }

  record ClinicForm(
      @NotBlank @Size(max = 200) String name,
      @NotBlank @Pattern(regexp = "[A-Z]{2}") String country,
      @Nullable String timezone,
      @Nullable String currency,
      @NotBlank @Pattern(regexp = "en|es|ar") String locale) {}

  @GetMapping("/clinics")
  String list(Model model) {
    model.addAttribute("clinics", organizations.clinics());
    return "identity/clinics";
  }

  @GetMapping("/clinics/new")
  String form(Model model) {
    var current = organizations.activeClinic();
    model.addAttribute(
        "form",
        new ClinicForm(
            "",
            current.country(),
            current.timezone().getId(),
            current.currency(),
            current.locale().getLanguage()));
    return formPage(model, null);
  }

  @PostMapping("/clinics")
  String open(
      @Valid @ModelAttribute("form") ClinicForm posted,
      BindingResult errors,
      @RequestParam(required = false) @Nullable String regionFor,
      Model model,
      HttpSession session) {
    // without JavaScript the zone and currency shown were the previous country's: derive them
    var form =
        regionFor == null || regionFor.equals(posted.country())
            ? posted
            : new ClinicForm(posted.name(), posted.country(), null, null, posted.locale());
    model.addAttribute("form", form);
    if (errors.hasErrors()) {
      return formPage(model, errors);
    }
    try {
      var placed = Regions.place(form.country(), form.timezone(), form.currency());
      var clinic =
          clinics.open(
              new NewClinic(
                  form.name(),
                  placed.zone(),
                  Locale.forLanguageTag(form.locale()),
                  placed.currency(),
                  placed.country()));
      session.setAttribute(CurrentMember.ACTIVE_CLINIC_ATTRIBUTE, clinic.id().toString());
      return "redirect:/";
    } catch (ProblemException e) {
      if (e.errors().isEmpty()) {
        errors.reject(e.kind(), e.getMessage());
      }
      e.errors().forEach(f -> errors.rejectValue(f.field(), f.field(), f.message()));
      return formPage(model, errors);
    }
  }

  private static String formPage(Model model, @Nullable BindingResult errors) {
    var form = (ClinicForm) model.getAttribute("form");
    model.addAttribute("countries", Regions.servedCountries());
    model.addAttribute(
        "choices", Regions.choices(form.country(), form.timezone(), form.currency()));
    model.addAttribute("zoneError", IdentityPages.message(errors, "timezone"));
    model.addAttribute("currencyError", IdentityPages.message(errors, "currency"));
    return "identity/clinic-form";
  }
}
