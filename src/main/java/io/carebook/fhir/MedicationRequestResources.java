package io.carebook.fhir;

import io.carebook.clinical.Prescribing;
import io.carebook.clinical.Prescription;
import io.carebook.patients.Patient.PatientId;
import io.carebook.shared.NotFoundException;
import io.carebook.tenancy.Action;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationRequest.MedicationRequestIntent;
import org.hl7.fhir.r4.model.MedicationRequest.MedicationRequestStatus;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Each drug of a prescription is one MedicationRequest (CHART_READ, as prescriptions' API), its
 * prescription the group identifier: a draft's items are {@code draft}, a finalized one's {@code
 * active}, a voided one's {@code entered-in-error}. Drugs are text: we keep no codes for them.
 */
@Component
class MedicationRequestResources implements ResourceType {

  private static final Map<String, MedicationRequestStatus> STATUSES =
      Stream.of(
              MedicationRequestStatus.DRAFT,
              MedicationRequestStatus.ACTIVE,
              MedicationRequestStatus.ENTEREDINERROR)
          .collect(Collectors.toMap(MedicationRequestStatus::toCode, s -> s));

  private final Prescribing prescribing;

  MedicationRequestResources(Prescribing prescribing) {
    this.prescribing = prescribing;
  }

  @Override
  public String name() {
    return "MedicationRequest";
  }

  @Override
  public Action action() {
    return Action.CHART_READ;
  }

  @Override
  public List<SearchParameter> searchParameters() {
    return List.of(
        new SearchParameter("patient", SearchParamType.REFERENCE, "Patient/{id}; required"),
        new SearchParameter("status", SearchParamType.TOKEN, "draft, active or entered-in-error"));
  }

  @Override
  public Resource read(String id) {
    var itemId = Ids.uuid(id, "MedicationRequest");
    var located = prescribing.ofItem(itemId);
    return located.prescription().items().stream()
        .filter(i -> i.id().equals(itemId))
        .findFirst()
        .map(i -> toFhir(located, i))
        .orElseThrow(() -> new NotFoundException("MedicationRequest"));
  }

  @Override
  public Paging.Matches search(SearchQuery query) {
    return Paging.Matches.inMemory(matches(query), query);
  }

  private List<? extends Resource> matches(SearchQuery query) {
    var patient =
        SearchQuery.referenced("patient", "Patient", query.required("patient", "prescriptions"));
    var status = query.token("status", STATUSES.keySet()).map(STATUSES::get).orElse(null);
    return prescribing.ofPatient(new PatientId(patient)).stream()
        .flatMap(l -> l.prescription().items().stream().map(i -> toFhir(l, i)))
        .filter(r -> status == null || r.getStatus() == status)
        .toList();
  }

  @Override
  public @Nullable UUID patientOf(Resource resource) {
    return UUID.fromString(
        ((MedicationRequest) resource).getSubject().getReferenceElement().getIdPart());
  }

  static MedicationRequest toFhir(Prescribing.Located located, Prescription.Item item) {
    var prescription = located.prescription();
    var encounter = located.encounter();
    var fhir = new MedicationRequest();
    fhir.setId(item.id().toString());
    fhir.setStatus(status(prescription));
    fhir.setIntent(MedicationRequestIntent.ORDER);
    var details = item.details();
    fhir.setMedication(
        new CodeableConcept().setText(item.drug() + (details.isEmpty() ? "" : " " + details)));
    fhir.setSubject(Ids.to("Patient", encounter.patientId()));
    fhir.setEncounter(Ids.to("Encounter", encounter.visitId()));
    fhir.setAuthoredOn(
        Date.from(
            prescription.finalizedAt() != null
                ? prescription.finalizedAt()
                : prescription.createdAt()));
    if (prescription.authorId() != null) {
      fhir.setRequester(Ids.to("Practitioner", prescription.authorId()));
    }
    fhir.setGroupIdentifier(
        new Identifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + prescription.id()));
    var dosage = fhir.addDosageInstruction().setSequence(item.position());
    var text =
        Stream.of(item.dose(), item.frequency(), item.duration())
            .filter(Objects::nonNull)
            .filter(t -> !t.isBlank())
            .collect(Collectors.joining(", "));
    if (!text.isEmpty()) {
      dosage.setText(text);
    }
    if (item.route() != null && !item.route().isBlank()) {
      dosage.setRoute(new CodeableConcept().setText(item.route()));
    }
    if (item.instructions() != null && !item.instructions().isBlank()) {
      dosage.setPatientInstruction(item.instructions());
    }
    return fhir;
  }

  private static MedicationRequestStatus status(Prescription prescription) {
    if (prescription.voided() != null) {
      return MedicationRequestStatus.ENTEREDINERROR;
    }
    return prescription.finalized()
        ? MedicationRequestStatus.ACTIVE
        : MedicationRequestStatus.DRAFT;
  }
}
