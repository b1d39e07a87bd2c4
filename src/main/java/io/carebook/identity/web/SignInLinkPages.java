package io.carebook.identity.web;

import io.carebook.identity.signin.SignInLinks;
import io.carebook.shared.ProblemException;
import io.carebook.tenancy.AllowedWhenReadOnly;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "E-mail me a sign-in link": ask for a link, then open it. Opening shows a button rather than
 * signing in at once, so a mail scanner that follows links does not use the link up.
 */
@Controller
@AllowedWhenReadOnly
class SignInLinkPages {

  private final SignInLinks links;

  SignInLinkPages(SignInLinks links) {
    this.links = links;
  }

  @GetMapping(SignInLinks.PAGE)
  String ask() {
    return "identity/signin-link";
  }

  @PostMapping(SignInLinks.PAGE)
  String send(@RequestParam String email, HttpServletRequest request, Model model) {
    try {
      links.request(email, request.getRemoteAddr());
    } catch (ProblemException e) {
      model.addAttribute("problem", e.kind());
      return "identity/signin-link";
    }
    return "identity/signin-link-sent";
  }

  @GetMapping(SignInLinks.PAGE + "/open")
  String open(@RequestParam String token, Model model) {
    model.addAttribute("token", token);
    return "identity/signin-link-open";
  }

  @PostMapping(SignInLinks.PAGE + "/open")
  @Nullable String signIn(
      @RequestParam String token,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model)
      throws IOException {
    if (links.signIn(token, request, response)) {
      return null; // the response already redirects: home, or the code page
    }
    model.addAttribute("token", token);
    model.addAttribute("problem", "invalid-token");
    return "identity/signin-link-open";
  }
}
