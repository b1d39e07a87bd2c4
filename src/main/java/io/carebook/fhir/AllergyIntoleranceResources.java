package io.carebook.fhir;

import io.carebook.patients.Allergy;
import io.carebook.patients.Patient.PatientId;
import io.carebook.patients.PatientSafety;
import io.carebook.shared.NotFoundException;
import io.carebook.tenancy.Action;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.AllergyIntolerance.AllergyIntoleranceCriticality;
import org.hl7.fhir.r4.model.AllergyIntolerance.AllergyIntoleranceSeverity;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A patient's recorded allergies (CHART_READ, as the chart's API). We keep no codes for substances
 * or reactions, so both are text; the severity we record is the reaction's, and a severe one is
 * also given as high criticality.
 */
@Component
class AllergyIntoleranceResources implements ResourceType {

  static final String CLINICAL_STATUS =
      "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical";

  private final PatientSafety safety;

  AllergyIntoleranceResources(PatientSafety safety) {
    this.safety = safety;
  }

  @Override
  public String name() {
    return "AllergyIntolerance";
  }

  @Override
  public Action action() {
    return Action.CHART_READ;
  }

  @Override
  public List<SearchParameter> searchParameters() {
    return List.of(
        new SearchParameter("patient", SearchParamType.REFERENCE, "Patient/{id}; required"),
        new SearchParameter(
            "clinical-status", SearchParamType.TOKEN, "active, inactive or resolved"));
  }

  @Override
  public Resource read(String id) {
    return safety
        .allergy(Ids.uuid(id, "AllergyIntolerance"))
        .map(AllergyIntoleranceResources::toFhir)
        .orElseThrow(() -> new NotFoundException("AllergyIntolerance"));
  }

  @Override
  public Paging.Matches search(SearchQuery query) {
    return Paging.Matches.inMemory(matches(query), query);
  }

  private List<? extends Resource> matches(SearchQuery query) {
    var patient =
        SearchQuery.referenced("patient", "Patient", query.required("patient", "allergies"));
    var status = query.token("clinical-status", Set.of("active", "inactive", "resolved"));
    return safety.allergies(new PatientId(patient)).stream()
        .filter(a -> status.map(code(a.status())::equals).orElse(true))
        .map(AllergyIntoleranceResources::toFhir)
        .toList();
  }

  @Override
  public @Nullable UUID patientOf(Resource resource) {
    return UUID.fromString(
        ((AllergyIntolerance) resource).getPatient().getReferenceElement().getIdPart());
  }

  static AllergyIntolerance toFhir(Allergy allergy) {
    var fhir = new AllergyIntolerance();
    fhir.setId(allergy.id().toString());
    var code = code(allergy.status());
    fhir.setClinicalStatus(
        new CodeableConcept(
            new Coding(
                CLINICAL_STATUS,
                code,
                code.substring(0, 1).toUpperCase(Locale.ROOT) + code.substring(1))));
    fhir.setCode(new CodeableConcept().setText(allergy.substance()));
    fhir.setPatient(Ids.to("Patient", allergy.patientId().value()));
    fhir.setCriticality(
        allergy.severity() == Allergy.Severity.SEVERE
            ? AllergyIntoleranceCriticality.HIGH
            : AllergyIntoleranceCriticality.LOW);
    fhir.setRecordedDate(Date.from(allergy.recordedAt()));
    if (allergy.reaction() != null && !allergy.reaction().isBlank()) {
      fhir.addReaction()
          .addManifestation(new CodeableConcept().setText(allergy.reaction()))
          .setSeverity(severity(allergy.severity()));
    }
    return fhir;
  }

  private static String code(Allergy.Status status) {
    return status.name().toLowerCase(Locale.ROOT);
  }

  private static AllergyIntoleranceSeverity severity(Allergy.Severity severity) {
    return switch (severity) {
      case MILD -> AllergyIntoleranceSeverity.MILD;
      case MODERATE -> AllergyIntoleranceSeverity.MODERATE;
      case SEVERE -> AllergyIntoleranceSeverity.SEVERE;
    };
  }
}
