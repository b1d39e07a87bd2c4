package io.carebook.identity.web;

import io.carebook.identity.Clinics;
import io.carebook.identity.CurrentMember;
import io.carebook.shared.ProblemException;
import io.carebook.tenancy.NewClinic;
import io.carebook.tenancy.Organizations;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

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
      @NotBlank String timezone,
      @NotBlank @Pattern(regexp = "[A-Z]{3}") String currency,
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
    return formPage(model);
  }

  @PostMapping("/clinics")
  String open(
      @Valid @ModelAttribute("form") ClinicForm form,
      BindingResult errors,
      Model model,
      HttpSession session) {
    ZoneId zone = null;
    try {
      zone = ZoneId.of(form.timezone());
    } catch (DateTimeException e) {
      errors.rejectValue("timezone", "timezone", "is not a known time zone");
    }
    if (errors.hasErrors() || zone == null) {
      return formPage(model);
    }
    try {
      var clinic =
          clinics.open(
              new NewClinic(
                  form.name(),
                  zone,
                  Locale.forLanguageTag(form.locale()),
                  form.currency(),
                  form.country()));
      session.setAttribute(CurrentMember.ACTIVE_CLINIC_ATTRIBUTE, clinic.id().toString());
      return "redirect:/";
    } catch (ProblemException e) {
      errors.reject(e.kind(), e.getMessage());
      return formPage(model);
    }
  }

  private static String formPage(Model model) {
    model.addAttribute("timezones", IdentityPages.Timezones.COMMON);
    model.addAttribute("countries", IdentityPages.Timezones.COUNTRIES);
    return "identity/clinic-form";
  }
}
