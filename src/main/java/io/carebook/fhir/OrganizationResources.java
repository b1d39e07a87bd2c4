package io.carebook.fhir;

import io.carebook.shared.NotFoundException;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.TenantContext;
import java.util.List;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/** The caller's organization, the only one it can see (PATIENT_VIEW). */
@Component
class OrganizationResources implements ResourceType {

  private final Organizations organizations;

  OrganizationResources(Organizations organizations) {
    this.organizations = organizations;
  }

  @Override
  public String name() {
    return "Organization";
  }

  @Override
  public Action action() {
    return Action.PATIENT_VIEW;
  }

  @Override
  public List<SearchParameter> searchParameters() {
    return List.of();
  }

  @Override
  public Resource read(String id) {
    if (!Ids.uuid(id, "Organization").equals(TenantContext.tenant().value())) {
      throw new NotFoundException("Organization");
    }
    return organization();
  }

  @Override
  public Paging.Matches search(SearchQuery query) {
    return Paging.Matches.inMemory(matches(query), query);
  }

  private List<? extends Resource> matches(SearchQuery query) {
    return List.of(organization());
  }

  private Organization organization() {
    var fhir = new Organization();
    fhir.setId(TenantContext.tenant().value().toString());
    fhir.setActive(true);
    fhir.setName(organizations.name());
    return fhir;
  }
}
