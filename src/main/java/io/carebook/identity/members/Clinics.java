package io.carebook.identity.members;

import io.carebook.identity.Role;
import io.carebook.shared.ClinicId;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Clinic;
import io.carebook.tenancy.NewClinic;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.Permissions;
import java.util.EnumSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An owner opens another clinic of their organization and becomes its owner too. */
@Service
public class Clinics {

  private final Organizations organizations;
  private final Memberships memberships;
  private final Permissions permissions;

  Clinics(Organizations organizations, Memberships memberships, Permissions permissions) {
    this.organizations = organizations;
    this.memberships = memberships;
    this.permissions = permissions;
  }

  @Transactional
  public Clinic open(NewClinic spec) {
    var member = CurrentMember.required();
    permissions.require(Action.CLINIC_OPEN);
    var clinic = organizations.addClinic(ClinicId.random(), spec);
    var roles = EnumSet.of(Role.OWNER);
    if (member.holds(Role.DOCTOR)) {
      roles.add(Role.DOCTOR);
    }
    memberships.grant(clinic.id(), member.userId(), roles);
    return clinic;
  }
}
