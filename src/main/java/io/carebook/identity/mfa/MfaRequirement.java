package io.carebook.identity.mfa;

import io.carebook.identity.Role;
import io.carebook.identity.members.Membership;
import io.carebook.shared.TenantId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Who must sign in with a second factor: whoever holds OWNER or DOCTOR in any clinic, and everyone
 * in an organization that requires it of all its members. Suspended memberships count for nothing.
 */
final class MfaRequirement {

  static final Set<Role> ROLES = Collections.unmodifiableSet(EnumSet.of(Role.OWNER, Role.DOCTOR));

  private MfaRequirement() {}

  static boolean applies(List<Membership> memberships, Set<TenantId> organizationsRequiringAll) {
    return memberships.stream()
        .filter(Membership::active)
        .anyMatch(
            m ->
                organizationsRequiringAll.contains(m.tenantId())
                    || !Collections.disjoint(m.roles(), ROLES));
  }
}
