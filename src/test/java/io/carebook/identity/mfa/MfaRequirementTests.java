package io.carebook.identity.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.identity.Role;
import io.carebook.identity.members.Membership;
import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Owners and doctors need a second factor anywhere; others where their organization says so. */
class MfaRequirementTests {

  private static final TenantId NILE = TenantId.random();
  private static final TenantId SOL = TenantId.random();

  @Test
  void ownersAndDoctorsMustUseASecondFactor() {
    assertThat(MfaRequirement.applies(List.of(member(NILE, Role.OWNER)), Set.of())).isTrue();
    assertThat(MfaRequirement.applies(List.of(member(NILE, Role.DOCTOR)), Set.of())).isTrue();
  }

  @Test
  void otherRolesNeedOneOnlyInAnOrganizationThatRequiresItOfEveryone() {
    var receptionist = List.of(member(NILE, Role.RECEPTIONIST, Role.BILLING));
    assertThat(MfaRequirement.applies(receptionist, Set.of())).isFalse();
    assertThat(MfaRequirement.applies(receptionist, Set.of(SOL))).isFalse();
    assertThat(MfaRequirement.applies(receptionist, Set.of(NILE))).isTrue();
  }

  @Test
  void aDoctorInOneClinicNeedsItEverywhere() {
    var both = List.of(member(NILE, Role.RECEPTIONIST), member(SOL, Role.DOCTOR));
    assertThat(MfaRequirement.applies(both, Set.of())).isTrue();
  }

  @Test
  void aSuspendedMembershipCountsForNothing() {
    var suspended =
        new Membership(NILE, "Nile", ClinicId.random(), "Dokki", EnumSet.of(Role.OWNER), false);
    assertThat(MfaRequirement.applies(List.of(suspended), Set.of(NILE))).isFalse();
  }

  private static Membership member(TenantId tenant, Role... roles) {
    var set = EnumSet.noneOf(Role.class);
    set.addAll(List.of(roles));
    return new Membership(tenant, "Org", ClinicId.random(), "Clinic", set, true);
  }
}
