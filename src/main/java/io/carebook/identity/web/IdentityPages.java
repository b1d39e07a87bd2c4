package io.carebook.identity.web;

import io.carebook.identity.EmailConfirmation;
import io.carebook.identity.RateLimits;
import io.carebook.identity.SignUp;
import io.carebook.identity.SignUpForm;
import io.carebook.shared.ProblemException;
import io.carebook.tenancy.AllowedWhenReadOnly;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
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

  IdentityPages(SignUp signUp, EmailConfirmation confirmation, RateLimits limits) {
    this.signUp = signUp;
    this.confirmation = confirmation;
    this.limits = limits;
  }

  @GetMapping("/signin")
  String signIn() {
    return "identity/signin";
  }

  @GetMapping("/signup")
  String signUpForm(Model model) {
    var locale = LocaleContextHolder.getLocale().getLanguage();
    model.addAttribute(
        "form", new SignUpForm("", "", "", "", "", "EG", "Africa/Cairo", "EGP", locale, true));
    return signUpPage(model);
  }

  @PostMapping("/signup")
  String signUp(
      @Valid @ModelAttribute("form") SignUpForm form,
      BindingResult errors,
      Model model,
      HttpServletRequest request) {
    if (errors.hasErrors()) {
      return signUpPage(model);
    }
    try {
      limits.consume(RateLimits.SIGN_UP_PER_IP, request.getRemoteAddr());
      signUp.open(form);
    } catch (ProblemException e) {
      if (e.errors().isEmpty()) {
        errors.reject(e.kind(), e.getMessage());
      }
      e.errors().forEach(f -> errors.rejectValue(f.field(), f.field(), f.message()));
      return signUpPage(model);
    }
    model.addAttribute("email", form.email());
    return "identity/signup-done";
  }

  @GetMapping("/confirm-email")
  String confirm(@RequestParam String token, Model model) {
    try {
      confirmation.confirm(token);
      model.addAttribute("confirmed", true);
    } catch (ProblemException e) {
      model.addAttribute("confirmed", false);
    }
    return "identity/confirmed";
  }

  private static String signUpPage(Model model) {
    model.addAttribute("timezones", Timezones.COMMON);
    model.addAttribute("countries", Timezones.COUNTRIES);
    return "identity/signup";
  }

  /** The choices offered first on the sign-up form; any valid zone is accepted by the API. */
  static final class Timezones {
    static final List<String> COMMON =
        List.of(
            "Africa/Cairo",
            "Asia/Riyadh",
            "Asia/Dubai",
            "Asia/Kolkata",
            "America/Mexico_City",
            "America/Bogota",
            "America/Lima",
            "America/Argentina/Buenos_Aires",
            "America/Santiago",
            "America/Sao_Paulo",
            "Europe/Madrid",
            "UTC");
    static final List<String> COUNTRIES =
        List.of("EG", "SA", "AE", "JO", "MA", "IN", "MX", "CO", "PE", "AR", "CL", "BR", "ES", "US");

    static {
      COMMON.forEach(ZoneId::of);
      COUNTRIES.forEach(c -> Locale.of("", c));
    }
  }
}
