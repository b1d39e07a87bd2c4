package io.carebook.identity;

import io.carebook.shared.ClinicId;
import io.carebook.shared.ProblemException;
import io.carebook.tenancy.Clinic;
import io.carebook.tenancy.NewClinic;
import io.carebook.tenancy.Organizations;
import java.util.EnumSet;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An owner opens another clinic of their organization and becomes its owner too. */
@Service
public class Clinics {

  private final Organizations organizations;
  private final Memberships memberships;

  Clinics(Organizations organizations, Memberships memberships) {
    this.organizations = organizations;
    this.memberships = memberships;
  }

  @Transactional
  public Clinic open(NewClinic spec) {
    var member = CurrentMember.current().orElseThrow();
    if (!member.holds(Role.OWNER)) {
      throw new ProblemException(
          HttpStatus.FORBIDDEN, "forbidden", "Only an owner can open a clinic.");
    }
    var clinic = organizations.addClinic(ClinicId.random(), spec);
    var roles = EnumSet.of(Role.OWNER);
    if (member.holds(Role.DOCTOR)) {
      roles.add(Role.DOCTOR);
    }
    memberships.grant(clinic.id(), member.userId(), roles);
    return clinic;
  }
}
