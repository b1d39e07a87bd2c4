package io.carebook.identity.web;

import io.carebook.identity.PermissionMatrix;
import io.carebook.identity.Role;
import io.carebook.shared.VisitState;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Permissions;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The permission matrix, read-only, for owners and managers: who may do what, and when. */
@Controller
class PermissionsPage {

  private final Permissions permissions;

  PermissionsPage(Permissions permissions) {
    this.permissions = permissions;
  }

  /** One line of the page: an action in a set of visit states, and the roles that may take it. */
  record Row(Action action, List<VisitState> states, List<Boolean> allowed) {}

  @GetMapping("/permissions")
  String matrix(Model model) {
    permissions.require(Action.STAFF_MANAGE);
    var rows = new ArrayList<Row>();
    for (var action : Action.values()) {
      var byRoles = new java.util.LinkedHashMap<List<Boolean>, List<VisitState>>();
      for (var state : VisitState.values()) {
        var allowed =
            java.util.Arrays.stream(Role.values())
                .map(r -> PermissionMatrix.allows(r, action, state))
                .toList();
        if (allowed.contains(true)) {
          byRoles.computeIfAbsent(allowed, a -> new ArrayList<>()).add(state);
        }
      }
      byRoles.forEach((allowed, states) -> rows.add(new Row(action, states, allowed)));
    }
    model.addAttribute("roles", Role.values());
    model.addAttribute("rows", rows);
    return "identity/permissions";
  }
}
