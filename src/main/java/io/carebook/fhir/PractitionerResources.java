package io.carebook.fhir;

import io.carebook.identity.DoctorProfiles;
import io.carebook.patients.PersonName;
import io.carebook.shared.UserId;
import io.carebook.tenancy.Action;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import org.hl7.fhir.r4.model.HumanName.NameUse;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/** The doctors of the caller's clinic, with their profiles (PATIENT_VIEW, as doctors' hours). */
@Component
class PractitionerResources implements ResourceType {

  private final DoctorProfiles profiles;

  PractitionerResources(DoctorProfiles profiles) {
    this.profiles = profiles;
  }

  @Override
  public String name() {
    return "Practitioner";
  }

  @Override
  public Action action() {
    return Action.PATIENT_VIEW;
  }

  @Override
  public List<SearchParameter> searchParameters() {
    return List.of(new SearchParameter("name", SearchParamType.STRING, "Any part of the name"));
  }

  @Override
  public Resource read(String id) {
    return toFhir(profiles.of(new UserId(Ids.uuid(id, "Practitioner"))));
  }

  @Override
  public Paging.Matches search(SearchQuery query) {
    return Paging.Matches.inMemory(matches(query), query);
  }

  private List<? extends Resource> matches(SearchQuery query) {
    var name = query.single("name").map(PersonName::normalize).orElse("");
    return profiles.ofActiveClinic().stream()
        .filter(p -> PersonName.normalize(p.name()).contains(name))
        .map(PractitionerResources::toFhir)
        .toList();
  }

  static Practitioner toFhir(DoctorProfiles.Profile profile) {
    var fhir = new Practitioner();
    fhir.setId(profile.userId().toString());
    fhir.setActive(true);
    fhir.addName().setUse(NameUse.OFFICIAL).setText(profile.name());
    if (profile.licenceNumber() != null && !profile.licenceNumber().isBlank()) {
      fhir.addIdentifier()
          .setType(new CodeableConcept().setText("Medical licence"))
          .setValue(profile.licenceNumber());
    }
    for (var language : profile.languages()) {
      fhir.addCommunication(new CodeableConcept().setText(language));
    }
    return fhir;
  }
}
