package io.carebook.identity.web;

import io.carebook.identity.members.CurrentMember;
import io.carebook.identity.sessions.SignOutEverywhere;
import io.carebook.tenancy.AllowedWhenReadOnly;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** One's own web sessions, and signing out of all of them (API tokens included). */
@Controller
class AccountSessionsPage {

  private final SignOutEverywhere sessions;

  AccountSessionsPage(SignOutEverywhere sessions) {
    this.sessions = sessions;
  }

  @GetMapping("/account/sessions")
  String list(HttpSession current, Model model) {
    model.addAttribute("sessions", sessions.of(current.getId()));
    return "identity/sessions";
  }

  @PostMapping("/account/sessions/sign-out-everywhere")
  @AllowedWhenReadOnly
  String signOutEverywhere(HttpServletRequest request) {
    sessions.signOutEverywhere(CurrentMember.required().userId());
    request.getSession().invalidate();
    return "redirect:/signin?signedOut";
  }
}
