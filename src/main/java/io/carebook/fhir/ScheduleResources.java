package io.carebook.fhir;

import io.carebook.identity.Staff;
import io.carebook.scheduling.Scheduling;
import io.carebook.shared.NotFoundException;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.TenantContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Schedule;
import org.springframework.stereotype.Component;

/**
 * A doctor's calendar at the caller's clinic (PATIENT_VIEW); its free times are the Slots that name
 * it. Same id as the doctor's PractitionerRole there.
 */
@Component
class ScheduleResources implements ResourceType {

  private final Scheduling scheduling;

  ScheduleResources(Scheduling scheduling) {
    this.scheduling = scheduling;
  }

  @Override
  public String name() {
    return "Schedule";
  }

  @Override
  public Action action() {
    return Action.PATIENT_VIEW;
  }

  @Override
  public List<SearchParameter> searchParameters() {
    return List.of(
        new SearchParameter("actor", SearchParamType.REFERENCE, "The doctor: Practitioner/{id}"));
  }

  @Override
  public Resource read(String id) {
    return doctorOf(Ids.uuid(id, "Schedule"))
        .map(ScheduleResources::toFhir)
        .orElseThrow(() -> new NotFoundException("Schedule"));
  }

  @Override
  public Paging.Matches search(SearchQuery query) {
    return Paging.Matches.inMemory(matches(query), query);
  }

  private List<? extends Resource> matches(SearchQuery query) {
    var actor = query.reference("actor", "Practitioner");
    return scheduling.doctors().stream()
        .filter(d -> actor.map(d.userId().value()::equals).orElse(true))
        .map(ScheduleResources::toFhir)
        .toList();
  }

  /** The doctor of the caller's clinic whose schedule has this id. */
  Optional<Staff.Member> doctorOf(UUID schedule) {
    return scheduling.doctors().stream().filter(d -> idOf(d).equals(schedule)).findFirst();
  }

  static UUID idOf(Staff.Member doctor) {
    return Ids.doctorAtClinic(TenantContext.clinic().value(), doctor.userId().value());
  }

  static Schedule toFhir(Staff.Member doctor) {
    var fhir = new Schedule();
    fhir.setId(idOf(doctor).toString());
    fhir.setActive(true);
    fhir.addActor(Ids.to("Practitioner", doctor.userId().value()).setDisplay(doctor.name()));
    fhir.addActor(Ids.to("Location", TenantContext.clinic().value()));
    fhir.setComment("Free times: Slot?schedule=Schedule/" + idOf(doctor));
    return fhir;
  }
}
