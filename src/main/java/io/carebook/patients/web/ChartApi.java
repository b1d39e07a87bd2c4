package io.carebook.patients.web;

import io.carebook.patients.Chart;
import io.carebook.patients.PatientChart;
import io.carebook.patients.PatientDirectory;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.IdempotentCreate;
import io.carebook.tenancy.Permissions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The whole chart, and its identifiers, emergency contacts, consents, tags and guardians. */
@RestController
@Tag(name = "Patient chart", description = "One chart per patient, shared by the clinics")
class ChartApi {

  private final PatientChart chart;
  private final PatientDirectory directory;
  private final Permissions permissions;

  ChartApi(PatientChart chart, PatientDirectory directory, Permissions permissions) {
    this.chart = chart;
    this.directory = directory;
    this.permissions = permissions;
  }

  record IdentifierInput(
      Chart.@NotNull IdentifierKind kind,
      @Size(max = 100) @Nullable String issuer,
      @NotBlank @Size(max = 60) String value) {}

  record ContactInput(
      @NotBlank @Size(max = 200) String name,
      @Size(max = 100) @Nullable String relationship,
      @Size(max = 40) @Nullable String phone) {}

  record ConsentInput(
      Chart.@NotNull ConsentKind kind,
      boolean granted,
      @Nullable LocalDate decidedOn,
      Chart.@NotNull ConsentChannel channel,
      @Size(max = 500) @Nullable String note) {}

  record GuardianInput(
      @NotBlank String guardianId, @Size(max = 100) @Nullable String relationship) {}

  @Schema(name = "ChartEntryVoid") // not the clinical VoidInput, in the OpenAPI document
  record VoidInput(@NotBlank @Size(max = 500) String reason) {}

  record Created(String id) {}

  /** The chart as the API shows it: the patient as everywhere else in the API. */
  record ChartView(
      PatientView patient,
      java.util.List<io.carebook.patients.Allergy> allergies,
      java.util.List<io.carebook.patients.Medication> medications,
      java.util.List<Chart.Identifier> identifiers,
      java.util.List<Chart.Contact> contacts,
      java.util.List<Chart.Consent> consents,
      java.util.List<String> tags,
      java.util.List<Chart.Relation> guardians,
      java.util.List<Chart.Relation> wards,
      java.util.List<io.carebook.patients.documents.PatientDocument> documents) {

    static ChartView of(Chart c) {
      return new ChartView(
          PatientView.of(c.patient()),
          c.allergies(),
          c.medications(),
          c.identifiers(),
          c.contacts(),
          c.consents(),
          c.tags(),
          c.guardians(),
          c.wards(),
          c.documents());
    }
  }

  @GetMapping("/api/v1/patients/{id}/chart")
  @Operation(
      summary = "The whole chart (CHART_READ; logged as a view of health data)",
      description =
          "The patient, allergies, medications, identifiers (decrypted), emergency contacts,"
              + " consents (newest first), tags, guardians and wards, and documents.")
  ChartView open(@PathVariable String id) {
    permissions.require(Action.CHART_READ);
    return ChartView.of(chart.open(PatientIds.parse(id)));
  }

  @PostMapping("/api/v1/patients/{id}/identifiers")
  @Operation(
      summary = "Add a national id, passport or insurance number (PATIENT_EDIT)",
      description =
          "Stored encrypted with the organization's key, found by exact value through"
              + " GET /api/v1/patients?identifier=… . The same value of the same kind on another"
              + " patient answers 409 /problems/duplicate-identifier. Example: {\"kind\":"
              + " \"NATIONAL_ID\", \"value\": \"2900101 1234567\"}")
  @IdempotentCreate
  ResponseEntity<Created> addIdentifier(
      @PathVariable String id, @Valid @RequestBody IdentifierInput input) {
    var patient = editable(id);
    var created = chart.addIdentifier(patient, input.kind(), input.issuer(), input.value());
    return created(id, "identifiers", created);
  }

  @PostMapping("/api/v1/patients/{id}/contacts")
  @Operation(summary = "Add an emergency contact (PATIENT_EDIT)")
  @IdempotentCreate
  ResponseEntity<Created> addContact(
      @PathVariable String id, @Valid @RequestBody ContactInput input) {
    var patient = editable(id);
    return created(
        id,
        "contacts",
        chart.addContact(patient, input.name(), input.relationship(), input.phone()));
  }

  @PostMapping("/api/v1/patients/{id}/consents")
  @Operation(
      summary = "Record a consent granted or withdrawn (PATIENT_EDIT)",
      description = "decidedOn defaults to today; the newest decision per kind is in force.")
  @IdempotentCreate
  ResponseEntity<Created> recordConsent(
      @PathVariable String id, @Valid @RequestBody ConsentInput input) {
    var patient = editable(id);
    var created =
        chart.recordConsent(
            patient,
            input.kind(),
            input.granted(),
            input.decidedOn(),
            input.channel(),
            input.note());
    return created(id, "consents", created);
  }

  @PutMapping("/api/v1/patients/{id}/tags/{tag}")
  @Operation(summary = "Tag a patient (PATIENT_EDIT); tags are lower case, spaces as dashes")
  ResponseEntity<Void> tag(@PathVariable String id, @PathVariable String tag) {
    chart.tag(editable(id), tag);
    return ResponseEntity.noContent().build();
  }

  @DeleteMapping("/api/v1/patients/{id}/tags/{tag}")
  @Operation(summary = "Remove a tag (PATIENT_EDIT)")
  ResponseEntity<Void> untag(@PathVariable String id, @PathVariable String tag) {
    chart.untag(editable(id), tag);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/api/v1/patients/{id}/guardians")
  @Operation(
      summary = "Link a guardian, another patient of the organization (PATIENT_EDIT)",
      description = "Example: {\"guardianId\": \"…\", \"relationship\": \"mother\"}")
  @IdempotentCreate
  ResponseEntity<Created> addGuardian(
      @PathVariable String id, @Valid @RequestBody GuardianInput input) {
    var patient = editable(id);
    var guardian = PatientIds.parse(input.guardianId());
    return created(id, "guardians", chart.addGuardian(patient, guardian, input.relationship()));
  }

  @PostMapping("/api/v1/patients/{id}/{kind:identifiers|contacts|consents|guardians}/{entry}/void")
  @Operation(
      summary = "Void an entry of the chart, with a reason (PATIENT_EDIT)",
      description = "The entry stays, with the reason, the person and the time; never deleted.")
  ResponseEntity<Void> voidEntry(
      @PathVariable String id,
      @PathVariable String kind,
      @PathVariable String entry,
      @Valid @RequestBody VoidInput input) {
    var patient = editable(id);
    chart.voidEntry(patient, kind, EntryIds.parse(entry), input.reason());
    return ResponseEntity.noContent().build();
  }

  private io.carebook.patients.Patient.PatientId editable(String id) {
    var patient = PatientIds.parse(id);
    directory.get(patient); // another organization's patient is not found before anything else
    permissions.require(Action.PATIENT_EDIT);
    return patient;
  }

  private static ResponseEntity<Created> created(String patient, String kind, UUID id) {
    return ResponseEntity.created(URI.create("/api/v1/patients/" + patient + "/" + kind + "/" + id))
        .body(new Created(id.toString()));
  }
}
