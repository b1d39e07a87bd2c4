package io.carebook.identity.web;

import io.carebook.identity.apikeys.ApiKeys;
import io.carebook.shared.ProblemException;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Permissions;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Creating and revoking the clinic's API keys; a new key's secret is shown once. */
@Controller
class ApiKeysPage {

  private final ApiKeys keys;
  private final Permissions permissions;

  ApiKeysPage(ApiKeys keys, Permissions permissions) {
    this.keys = keys;
    this.permissions = permissions;
  }

  @GetMapping("/settings/api-keys")
  String list(Model model) {
    permissions.require(Action.SETTINGS_MANAGE);
    model.addAttribute("keys", keys.ofActiveClinic());
    model.addAttribute("grantable", ApiKeys.GRANTABLE);
    model.addAttribute("planAllows", keys.planAllowsHere());
    return "identity/api-keys";
  }

  @PostMapping("/settings/api-keys")
  String create(
      @RequestParam String name,
      @RequestParam(required = false) List<Action> actions,
      RedirectAttributes redirect) {
    permissions.require(Action.SETTINGS_MANAGE);
    try {
      var created =
          keys.create(
              name, actions == null ? EnumSet.noneOf(Action.class) : EnumSet.copyOf(actions));
      redirect.addFlashAttribute("created", created);
    } catch (ProblemException e) {
      redirect.addFlashAttribute("problem", e.kind());
    }
    return "redirect:/settings/api-keys";
  }

  @PostMapping("/settings/api-keys/{id}/revoke")
  String revoke(@PathVariable UUID id) {
    permissions.require(Action.SETTINGS_MANAGE);
    keys.revoke(id);
    return "redirect:/settings/api-keys";
  }
}
