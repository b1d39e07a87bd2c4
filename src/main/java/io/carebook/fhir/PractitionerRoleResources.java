package io.carebook.fhir;

import io.carebook.identity.DoctorProfiles;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.TenantContext;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * A doctor at the caller's clinic (PATIENT_VIEW): the practitioner, the clinic as location, the
 * specialty. Its id, derived from clinic and doctor, is also the doctor's Schedule's id there.
 */
@Component
class PractitionerRoleResources implements ResourceType {

  private final DoctorProfiles profiles;

  PractitionerRoleResources(DoctorProfiles profiles) {
    this.profiles = profiles;
  }

  @Override
  public String name() {
    return "PractitionerRole";
  }

  @Override
  public Action action() {
    return Action.PATIENT_VIEW;
  }

  @Override
  public List<SearchParameter> searchParameters() {
    return List.of(
        new SearchParameter(
            "practitioner", SearchParamType.REFERENCE, "The doctor: Practitioner/{id}"));
  }

  @Override
  public Resource read(String id) {
    var wanted = Ids.uuid(id, "PractitionerRole");
    return profiles.ofActiveClinic().stream()
        .filter(p -> roleId(p).equals(wanted))
        .findFirst()
        .map(PractitionerRoleResources::toFhir)
        .orElseThrow(() -> new io.carebook.shared.NotFoundException("PractitionerRole"));
  }

  @Override
  public Paging.Matches search(SearchQuery query) {
    return Paging.Matches.inMemory(matches(query), query);
  }

  private List<? extends Resource> matches(SearchQuery query) {
    var practitioner = query.reference("practitioner", "Practitioner");
    return profiles.ofActiveClinic().stream()
        .filter(p -> practitioner.map(p.userId().value()::equals).orElse(true))
        .map(PractitionerRoleResources::toFhir)
        .toList();
  }

  private static UUID roleId(DoctorProfiles.Profile profile) {
    return Ids.doctorAtClinic(TenantContext.clinic().value(), profile.userId().value());
  }

  static PractitionerRole toFhir(DoctorProfiles.Profile profile) {
    var fhir = new PractitionerRole();
    fhir.setId(roleId(profile).toString());
    fhir.setActive(true);
    fhir.setPractitioner(
        Ids.to("Practitioner", profile.userId().value()).setDisplay(profile.name()));
    fhir.setOrganization(Ids.to("Organization", TenantContext.tenant().value()));
    fhir.addLocation(Ids.to("Location", TenantContext.clinic().value()));
    fhir.addCode(new CodeableConcept().setText("Doctor"));
    if (profile.specialty() != null && !profile.specialty().isBlank()) {
      fhir.addSpecialty(new CodeableConcept().setText(profile.specialty()));
    }
    return fhir;
  }
}
