package io.carebook.identity;

import io.carebook.tenancy.Action;
import io.carebook.tenancy.Permissions;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The permission matrix, as far as the foundation needs it: which roles may take each action. A
 * member may take an action if any role they hold in the active clinic may.
 */
@Component
class RolePermissions implements Permissions {

  static final Map<Action, Set<Role>> MATRIX = new EnumMap<>(Action.class);

  static {
    var everyone = EnumSet.allOf(Role.class);
    MATRIX.put(Action.PATIENT_VIEW, everyone);
    MATRIX.put(Action.PATIENT_REGISTER, everyone);
    MATRIX.put(Action.PATIENT_EDIT, everyone);
    MATRIX.put(Action.CLINIC_OPEN, EnumSet.of(Role.OWNER));
    MATRIX.put(Action.AUDIT_VIEW, EnumSet.of(Role.OWNER, Role.MANAGER));
  }

  @Override
  public boolean allows(Action action) {
    return CurrentMember.current()
        .map(CurrentMember::active)
        .map(m -> m.roles().stream().anyMatch(MATRIX.getOrDefault(action, Set.of())::contains))
        .orElse(false);
  }
}
