package io.carebook.identity.members;

import io.carebook.identity.Role;
import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import java.util.Set;

/** A user's place in one clinic: which organization, which clinic, which roles. */
public record Membership(
    TenantId tenantId,
    String organizationName,
    ClinicId clinicId,
    String clinicName,
    Set<Role> roles,
    boolean active) {}
