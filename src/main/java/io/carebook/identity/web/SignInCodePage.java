package io.carebook.identity.web;

import io.carebook.identity.mfa.SecondFactorSignIn;
import io.carebook.tenancy.AllowedWhenReadOnly;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The second step of signing in: the code from the authenticator app, or a recovery code. */
@Controller
@AllowedWhenReadOnly
class SignInCodePage {

  private final SecondFactorSignIn signIn;

  SignInCodePage(SecondFactorSignIn signIn) {
    this.signIn = signIn;
  }

  @GetMapping("/signin/code")
  String form(
      @RequestParam(required = false) @Nullable String expired,
      HttpServletRequest request,
      Model model) {
    if (SecondFactorSignIn.isPending(request)) {
      return "identity/signin-code";
    }
    if (expired == null) {
      return "redirect:/signin";
    }
    model.addAttribute("expired", true); // too late or too many tries: the password again
    return "identity/signin-code";
  }

  @PostMapping("/signin/code")
  String submit(
      @RequestParam(required = false) @Nullable String code,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return switch (signIn.complete(request, response, code)) {
      case SIGNED_IN -> "redirect:" + SecondFactorSignIn.landing(request);
      case WRONG_CODE -> {
        model.addAttribute("wrong", true);
        yield "identity/signin-code";
      }
      case START_AGAIN -> "redirect:/signin/code?expired";
    };
  }

  @PostMapping("/signin/code/cancel")
  String cancel(HttpServletRequest request) {
    signIn.cancel(request);
    return "redirect:/signin";
  }
}
