package io.carebook.identity.web;

import io.carebook.identity.SignUp;
import io.carebook.identity.SignUpForm;
import io.carebook.identity.accounts.EmailConfirmation;
import io.carebook.identity.signin.SignInLinks;
import io.carebook.shared.ProblemException;
import io.carebook.shared.web.RateLimits;
import io.carebook.tenancy.AllowedWhenReadOnly;
import io.carebook.tenancy.Regions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Sign-in, sign-up and e-mail confirmation pages. */
@Controller
@AllowedWhenReadOnly
class IdentityPages {

  private final SignUp signUp;
  private final EmailConfirmation confirmation;
  private final RateLimits limits;
  private final SignInLinks links;

  IdentityPages(
      SignUp signUp, EmailConfirmation confirmation, RateLimits limits, SignInLinks links) {
    this.signUp = signUp;
    this.confirmation = confirmation;
    this.limits = limits;
    this.links = links;
  }

  @GetMapping("/signin")
  String signIn() {
    return "identity/signin";
  }

  @GetMapping("/signup")
  String signUpForm(@RequestParam(required = false) @Nullable String country, Model model) {
    var locale = LocaleContextHolder.getLocale();
    var chosen = Regions.of(country).map(Regions.Region::country).orElse(likelyCountry(locale));
    var region = Regions.choices(chosen, null, null);
    model.addAttribute(
        "form",
        new SignUpForm(
            "",
            "",
            "",
            "",
            "",
            chosen,
            region.zone(),
            region.currency(),
            locale.getLanguage(),
            true));
    return signUpPage(model, null);
  }

  /**
   * The country of the browser's language tag when Carebook serves it (es-MX: Mexico), or Egypt.
   */
  private static String likelyCountry(Locale locale) {
    return Regions.servedCountries().contains(locale.getCountry()) ? locale.getCountry() : "EG";
  }

  /** The time zone and currency choices for a country, swapped in by htmx when it changes. */
  @GetMapping("/signup/region")
  String region(@RequestParam String country, Model model) {
    model.addAttribute("choices", Regions.choices(country, null, null));
    return "tenancy/region :: choices";
  }

  @PostMapping("/signup")
  String signUp(
      @Valid @ModelAttribute("form") SignUpForm posted,
      BindingResult errors,
      @RequestParam(required = false) @Nullable String regionFor,
      Model model,
      HttpServletRequest request) {
    // without JavaScript the zone and currency shown were the previous country's: derive them
    var form =
        regionFor == null || regionFor.equals(posted.country()) ? posted : posted.placedByCountry();
    model.addAttribute("form", form);
    if (errors.hasErrors()) {
      return signUpPage(model, errors);
    }
    try {
      limits.consume(RateLimits.SIGN_UP_PER_IP, request.getRemoteAddr());
      signUp.open(form);
    } catch (ProblemException e) {
      if (e.errors().isEmpty()) {
        errors.reject(e.kind(), e.getMessage());
      }
      e.errors().forEach(f -> errors.rejectValue(f.field(), f.field(), f.message()));
      return signUpPage(model, errors);
    }
    model.addAttribute("email", form.email());
    return "identity/signup-done";
  }

  /** Confirms, then offers to go on signed in (a button, that a mail scanner does not press). */
  @GetMapping("/confirm-email")
  String confirm(@RequestParam String token, Model model) {
    try {
      var account = confirmation.confirm(token);
      model.addAttribute("confirmed", true);
      model.addAttribute("signInToken", links.afterConfirmation(account));
    } catch (ProblemException e) {
      model.addAttribute("confirmed", false);
    }
    return "identity/confirmed";
  }

  private static String signUpPage(Model model, @Nullable BindingResult errors) {
    var form = (SignUpForm) model.getAttribute("form");
    model.addAttribute("countries", Regions.servedCountries());
    model.addAttribute(
        "choices", Regions.choices(form.country(), form.timezone(), form.currency()));
    model.addAttribute("zoneError", message(errors, "timezone"));
    model.addAttribute("currencyError", message(errors, "currency"));
    return "identity/signup";
  }

  static @Nullable String message(@Nullable BindingResult errors, String field) {
    var error = errors == null ? null : errors.getFieldError(field);
    return error == null ? null : error.getDefaultMessage();
  }
}
