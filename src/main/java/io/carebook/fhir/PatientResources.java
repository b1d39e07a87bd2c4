package io.carebook.fhir;

import io.carebook.patients.Patient;
import io.carebook.patients.Patient.PatientId;
import io.carebook.patients.PatientChart;
import io.carebook.patients.PatientDirectory;
import io.carebook.patients.PersonName;
import io.carebook.shared.web.Keyset;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.TenantContext;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointUse;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import org.hl7.fhir.r4.model.HumanName.NameUse;
import org.hl7.fhir.r4.model.Identifier.IdentifierUse;
import org.hl7.fhir.r4.model.Patient.LinkType;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Patients of the organization (PATIENT_VIEW), through patients' directory. */
@Component
class PatientResources implements ResourceType {

  /** The system of our medical record numbers, assigned by the organization. */
  static final String MRN_SYSTEM = "urn:carebook:mrn";

  private final PatientDirectory directory;
  private final PatientChart chart;

  PatientResources(PatientDirectory directory, PatientChart chart) {
    this.directory = directory;
    this.chart = chart;
  }

  @Override
  public String name() {
    return "Patient";
  }

  @Override
  public Action action() {
    return Action.PATIENT_VIEW;
  }

  @Override
  public List<SearchParameter> searchParameters() {
    return List.of(
        new SearchParameter(
            "identifier",
            SearchParamType.TOKEN,
            "The medical record number (MRN-000123) or a national id, passport or insurance"
                + " number, exact"),
        new SearchParameter("name", SearchParamType.STRING, "Any part of a name, in any script"),
        new SearchParameter("phone", SearchParamType.TOKEN, "Digits of a phone number"));
  }

  @Override
  public Resource read(String id) {
    return toFhir(directory.get(new PatientId(Ids.uuid(id, "Patient"))));
  }

  @Override
  public Paging.Matches search(SearchQuery query) {
    var identifier = query.single("identifier").map(v -> v.substring(v.indexOf('|') + 1));
    if (identifier.isPresent()) {
      var value = identifier.get();
      var found =
          value.toUpperCase(java.util.Locale.ROOT).startsWith("MRN")
              ? directory.withMedicalRecordNumber(value).stream().toList()
              : chart.findByIdentifier(value);
      return Paging.Matches.inMemory(found.stream().map(PatientResources::toFhir).toList(), query);
    }
    var name = query.single("name").orElse(null);
    var phone = query.single("phone").orElse(null);
    var text = phone != null ? phone : name != null ? name : "";
    var filter = phone == null ? null : name;
    var count = query.count();
    var matches = new ArrayList<Patient>();
    var first = query.afterInstantAndId();
    var after = first == null ? null : new Keyset(first.at(), first.id());
    // the directory pages by registration then id; a name given with a phone filters its pages here
    while (matches.size() < count) {
      var page = directory.searchAfter(text, count - matches.size(), after);
      page.items().stream().filter(p -> named(p, filter)).forEach(matches::add);
      after = page.nextKey();
      if (after == null) {
        break;
      }
    }
    Integer total = null;
    if (first == null && count == 0) {
      total = counted(text, filter, 0, null, true);
    } else if (first == null) {
      total = after == null ? matches.size() : counted(text, filter, matches.size(), after, false);
    }
    return new Paging.Matches(
        matches.stream().map(PatientResources::toFhir).toList(),
        after == null ? null : SearchQuery.InstantAndId.key(after.at(), after.id()),
        total);
  }

  /**
   * The first page's total: its matches and those after, counted up to {@link Paging#MAX_MATCHES}
   * (none past it).
   */
  private @Nullable Integer counted(
      String text, @Nullable String filter, int counted, @Nullable Keyset after, boolean start) {
    var total = counted;
    while ((start || after != null) && total <= Paging.MAX_MATCHES) {
      var page = directory.searchAfter(text, PatientDirectory.MAX_PAGE, after);
      total += (int) page.items().stream().filter(p -> named(p, filter)).count();
      after = page.nextKey();
      start = false;
    }
    return total <= Paging.MAX_MATCHES ? total : null;
  }

  @Override
  public @Nullable UUID patientOf(Resource resource) {
    return UUID.fromString(resource.getIdElement().getIdPart());
  }

  private static boolean named(Patient patient, @Nullable String name) {
    if (name == null) {
      return true;
    }
    var wanted = PersonName.normalize(name);
    return PersonName.normalize(patient.fullName()).contains(wanted)
        || (patient.otherName() != null
            && PersonName.normalize(patient.otherName()).contains(wanted));
  }

  static org.hl7.fhir.r4.model.Patient toFhir(Patient patient) {
    var fhir = new org.hl7.fhir.r4.model.Patient();
    fhir.setId(patient.id().toString());
    fhir.addIdentifier()
        .setUse(IdentifierUse.USUAL)
        .setSystem(MRN_SYSTEM)
        .setValue(patient.medicalRecordNumber())
        .setAssigner(Ids.to("Organization", TenantContext.tenant().value()));
    fhir.setActive(!patient.voidedRecord());
    fhir.addName().setUse(NameUse.OFFICIAL).setText(patient.fullName());
    if (patient.otherName() != null) {
      fhir.addName().setUse(NameUse.USUAL).setText(patient.otherName());
    }
    if (patient.phone() != null) {
      fhir.addTelecom()
          .setSystem(ContactPointSystem.PHONE)
          .setUse(ContactPointUse.MOBILE)
          .setValue(patient.phone().e164());
    }
    if (patient.alternatePhone() != null) {
      fhir.addTelecom()
          .setSystem(ContactPointSystem.PHONE)
          .setValue(patient.alternatePhone().e164())
          .setRank(2);
    }
    if (patient.email() != null) {
      fhir.addTelecom().setSystem(ContactPointSystem.EMAIL).setValue(patient.email());
    }
    if (patient.sex() != null) {
      fhir.setGender(gender(patient.sex()));
    }
    if (patient.dateOfBirth() != null) {
      fhir.setBirthDateElement(new DateType(patient.dateOfBirth().toString()));
    }
    if (patient.address() != null) {
      fhir.addAddress().setText(patient.address());
    }
    var voided = patient.voided();
    if (voided != null && voided.mergedInto() != null) {
      fhir.addLink()
          .setType(LinkType.REPLACEDBY)
          .setOther(Ids.to("Patient", voided.mergedInto().value()));
    }
    return fhir;
  }

  private static AdministrativeGender gender(Patient.Sex sex) {
    return switch (sex) {
      case FEMALE -> AdministrativeGender.FEMALE;
      case MALE -> AdministrativeGender.MALE;
      case OTHER -> AdministrativeGender.OTHER;
      case UNKNOWN -> AdministrativeGender.UNKNOWN;
    };
  }
}
