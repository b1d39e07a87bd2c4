package io.carebook.identity.web;

import io.carebook.identity.Role;
import io.carebook.identity.members.CurrentMember;
import io.carebook.identity.mfa.MfaEnrolment;
import io.carebook.identity.mfa.MfaPolicy;
import io.carebook.shared.ProblemException;
import io.carebook.shared.web.QrCodes;
import io.carebook.tenancy.AllowedWhenReadOnly;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Two-step sign-in for oneself: set it up with an authenticator app, see the recovery codes once,
 * renew them or turn it off; and, for owners, require it of everyone in the organization. Writes
 * nothing of a clinic's data, so a read-only clinic does not stop it.
 */
@Controller
@AllowedWhenReadOnly
class MfaPages {

  private final MfaEnrolment enrolment;
  private final MfaPolicy policy;
  private final MessageSource messages;

  MfaPages(MfaEnrolment enrolment, MfaPolicy policy, MessageSource messages) {
    this.enrolment = enrolment;
    this.policy = policy;
    this.messages = messages;
  }

  @GetMapping("/account/mfa")
  String page(Model model) {
    var user = CurrentMember.current().orElseThrow().userId();
    var status = enrolment.status(user);
    model.addAttribute("status", status);
    if (!status.enrolled()) {
      var setup = enrolment.start(user);
      model.addAttribute("secret", setup.secret().replaceAll("(.{4})(?!$)", "$1 "));
      model.addAttribute(
          "qr",
          QrCodes.svg(
              setup.otpauthUri(),
              messages.getMessage("identity.mfa.qrLabel", null, LocaleContextHolder.getLocale())));
    }
    var owner = CurrentMember.current().filter(m -> m.holds(Role.OWNER)).isPresent();
    model.addAttribute("owner", owner);
    if (owner) {
      model.addAttribute("requiredForAll", policy.requiredForAll());
    }
    return "identity/mfa";
  }

  @PostMapping("/account/mfa/confirm")
  String confirm(@RequestParam(required = false) @Nullable String code, Model model) {
    return codes(model, () -> enrolment.confirm(user(), code), "enabled");
  }

  @PostMapping("/account/mfa/recovery-codes")
  String renew(@RequestParam(required = false) @Nullable String code, Model model) {
    return codes(model, () -> enrolment.renewRecoveryCodes(user(), code), "renewed");
  }

  @PostMapping("/account/mfa/disable")
  String disable(@RequestParam(required = false) @Nullable String code, Model model) {
    try {
      enrolment.disable(user(), code);
      return "redirect:/account/mfa?disabled";
    } catch (ProblemException e) {
      model.addAttribute("error", e.kind());
      return page(model);
    }
  }

  @PostMapping("/account/mfa/organization")
  String requireForAll(@RequestParam(defaultValue = "false") boolean requiredForAll) {
    policy.requireForAll(requiredForAll);
    return "redirect:/account/mfa?saved";
  }

  private String codes(
      Model model, java.util.function.Supplier<List<String>> action, String outcome) {
    try {
      model.addAttribute("codes", action.get());
      model.addAttribute("outcome", outcome);
      return "identity/mfa-recovery-codes";
    } catch (ProblemException e) {
      model.addAttribute("error", e.kind());
      return page(model);
    }
  }

  private static io.carebook.shared.UserId user() {
    return CurrentMember.current().orElseThrow().userId();
  }
}
