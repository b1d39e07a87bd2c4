package io.carebook.fhir;

import io.carebook.patients.PersonName;
import io.carebook.shared.ClinicId;
import io.carebook.shared.NotFoundException;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Clinic;
import io.carebook.tenancy.Organizations;
import java.util.List;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Location.LocationMode;
import org.hl7.fhir.r4.model.Location.LocationStatus;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/** The organization's clinics (PATIENT_VIEW). */
@Component
class LocationResources implements ResourceType {

  private final Organizations organizations;

  LocationResources(Organizations organizations) {
    this.organizations = organizations;
  }

  @Override
  public String name() {
    return "Location";
  }

  @Override
  public Action action() {
    return Action.PATIENT_VIEW;
  }

  @Override
  public List<SearchParameter> searchParameters() {
    return List.of(
        new SearchParameter("name", SearchParamType.STRING, "Any part of the clinic's name"));
  }

  @Override
  public Resource read(String id) {
    return organizations
        .find(new ClinicId(Ids.uuid(id, "Location")))
        .map(LocationResources::toFhir)
        .orElseThrow(() -> new NotFoundException("Location"));
  }

  @Override
  public Paging.Matches search(SearchQuery query) {
    return Paging.Matches.inMemory(matches(query), query);
  }

  private List<? extends Resource> matches(SearchQuery query) {
    var name = query.single("name").map(PersonName::normalize).orElse("");
    return organizations.clinics().stream()
        .filter(c -> PersonName.normalize(c.name()).contains(name))
        .map(LocationResources::toFhir)
        .toList();
  }

  static Location toFhir(Clinic clinic) {
    var fhir = new Location();
    fhir.setId(clinic.id().toString());
    fhir.setStatus(clinic.active() ? LocationStatus.ACTIVE : LocationStatus.INACTIVE);
    fhir.setMode(LocationMode.INSTANCE);
    fhir.setName(clinic.name());
    fhir.setManagingOrganization(Ids.to("Organization", clinic.tenantId().value()));
    if (clinic.address() != null && !clinic.address().isBlank()) {
      fhir.getAddress().setText(clinic.address()).setCountry(clinic.country());
    } else {
      fhir.getAddress().setCountry(clinic.country());
    }
    if (clinic.phone() != null && !clinic.phone().isBlank()) {
      fhir.addTelecom().setSystem(ContactPointSystem.PHONE).setValue(clinic.phone());
    }
    return fhir;
  }
}
