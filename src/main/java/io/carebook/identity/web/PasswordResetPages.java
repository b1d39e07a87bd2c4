package io.carebook.identity.web;

import io.carebook.identity.signin.PasswordReset;
import io.carebook.shared.ProblemException;
import io.carebook.tenancy.AllowedWhenReadOnly;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Forgot your password?": ask for a link, then choose a new password with it. */
@Controller
@AllowedWhenReadOnly
class PasswordResetPages {

  private final PasswordReset reset;

  PasswordResetPages(PasswordReset reset) {
    this.reset = reset;
  }

  @GetMapping("/password-reset")
  String ask() {
    return "identity/reset-request";
  }

  @PostMapping("/password-reset")
  String send(@RequestParam String email, HttpServletRequest request, Model model) {
    try {
      reset.request(email, request.getRemoteAddr());
    } catch (ProblemException e) {
      model.addAttribute("problem", e.kind());
      return "identity/reset-request";
    }
    model.addAttribute("email", email);
    return "identity/reset-sent";
  }

  @GetMapping("/password-reset/new")
  String choose(@RequestParam String token, Model model) {
    model.addAttribute("token", token);
    return "identity/reset-new";
  }

  @PostMapping("/password-reset/new")
  String change(@RequestParam String token, @RequestParam String password, Model model) {
    try {
      reset.complete(token, password);
      return "redirect:/signin?reset";
    } catch (ProblemException e) {
      model.addAttribute("token", token);
      model.addAttribute("problem", e.kind());
      return "identity/reset-new";
    }
  }
}
