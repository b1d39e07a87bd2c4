package io.carebook.identity.web;

import io.carebook.identity.demo.DemoAuthenticator;
import io.carebook.shared.NotFoundException;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * On a developer's machine only ({@code carebook.dev=true}, never in production): the current code
 * of the demo accounts' invented authenticator, so the demo's two-step sign-in needs no phone.
 * Computed from the public demo secret, never from any stored one.
 */
@Controller
class DevAuthenticatorPage {

  private final boolean devPages;
  private final Clock clock;

  DevAuthenticatorPage(@Value("${carebook.dev:false}") boolean devPages, Clock clock) {
    this.devPages = devPages;
    this.clock = clock;
  }

  @GetMapping("/dev/authenticator")
  String codes(Model model) {
    if (!devPages) {
      throw new NotFoundException("Page");
    }
    model.addAttribute("code", DemoAuthenticator.currentCode(clock));
    model.addAttribute("secondsLeft", DemoAuthenticator.secondsLeft(clock));
    model.addAttribute("accounts", DemoAuthenticator.ACCOUNTS);
    model.addAttribute("secret", DemoAuthenticator.SECRET);
    return "identity/dev-authenticator";
  }
}
