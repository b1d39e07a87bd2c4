package io.carebook.identity.members;

import io.carebook.identity.PermissionMatrix;
import io.carebook.identity.apikeys.CurrentAgent;
import io.carebook.shared.VisitState;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Permissions;
import org.springframework.stereotype.Component;

/**
 * The current member's permissions: the matrix, over the roles held in the active clinic. An API
 * key's are its creator's, as the matrix gives them now (visit state included), narrowed to the
 * actions the key was given.
 */
@Component
class RolePermissions implements Permissions {

  @Override
  public boolean allows(Action action, VisitState state) {
    var agent = CurrentAgent.current();
    if (agent.isPresent()) {
      return agent.get().actions().contains(action)
          && PermissionMatrix.allows(agent.get().creatorRoles(), action, state);
    }
    return CurrentMember.current()
        .map(CurrentMember::active)
        .map(m -> PermissionMatrix.allows(m.roles(), action, state))
        .orElse(false);
  }
}
