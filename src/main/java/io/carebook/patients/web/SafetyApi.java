package io.carebook.patients.web;

import io.carebook.patients.Allergy;
import io.carebook.patients.Allergy.Severity;
import io.carebook.patients.Medication;
import io.carebook.patients.Patient.PatientId;
import io.carebook.patients.PatientDirectory;
import io.carebook.patients.PatientSafety;
import io.carebook.patients.SafetyEntry;
import io.carebook.patients.SafetyWarning;
import io.carebook.patients.safety.SafetyKind;
import io.carebook.shared.web.CursorPage;
import io.carebook.shared.web.ETags;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.IdempotentCreate;
import io.carebook.tenancy.Permissions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Allergies, current medications, and the check before prescribing. */
@RestController
@Tag(name = "Patient safety", description = "Allergies, medications and prescribing warnings")
class SafetyApi {

  private final PatientSafety safety;
  private final PatientDirectory directory;
  private final Permissions permissions;

  SafetyApi(PatientSafety safety, PatientDirectory directory, Permissions permissions) {
    this.safety = safety;
    this.directory = directory;
    this.permissions = permissions;
  }

  record AllergyInput(
      @NotBlank @Size(max = 200) String substance,
      @Size(max = 500) @Nullable String reaction,
      @NotNull Severity severity,
      Allergy.@Nullable Status status) {

    PatientSafety.AllergyInput toInput() {
      return new PatientSafety.AllergyInput(substance, reaction, severity, status);
    }
  }

  record MedicationInput(
      @NotBlank @Size(max = 200) String drug,
      @Size(max = 100) @Nullable String dose,
      @Size(max = 100) @Nullable String frequency,
      @PastOrPresent @Nullable LocalDate since,
      Medication.@Nullable Status status) {

    PatientSafety.MedicationInput toInput() {
      return new PatientSafety.MedicationInput(drug, dose, frequency, since, status);
    }
  }

  record Check(String drug, List<SafetyWarning> warnings) {}

  record AcknowledgementInput(
      @NotBlank @Size(max = 200) String drug, @Size(max = 500) @Nullable String reason) {}

  @GetMapping("/api/v1/patients/{id}/allergies")
  @Operation(summary = "Allergies in use, active and most severe first (CHART_READ)")
  CursorPage<Allergy> allergies(
      @PathVariable String id,
      @RequestParam(defaultValue = "50") int limit,
      @RequestParam(required = false) @Nullable String cursor,
      @Parameter(description = "the older name of 'cursor' (deprecated)", deprecated = true)
          @RequestParam(required = false)
          @Nullable String after) {
    return list(SafetyKind.ALLERGIES, id, limit, CursorPage.cursorOrAfter(cursor, after));
  }

  @PostMapping("/api/v1/patients/{id}/allergies")
  @Operation(
      summary = "Record an allergy (SAFETY_RECORD)",
      description =
          "Example: {\"substance\": \"Penicillin\", \"reaction\": \"hives\","
              + " \"severity\": \"SEVERE\"}; status defaults to ACTIVE.")
  @IdempotentCreate
  ResponseEntity<Allergy> recordAllergy(
      @PathVariable String id, @Valid @RequestBody AllergyInput input) {
    return record(SafetyKind.ALLERGIES, id, input.toInput());
  }

  @PutMapping("/api/v1/patients/{id}/allergies/{allergyId}")
  @Operation(summary = "Correct an allergy or change its status (SAFETY_RECORD; If-Match)")
  ResponseEntity<Allergy> correctAllergy(
      @PathVariable String id,
      @PathVariable String allergyId,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
      @Valid @RequestBody AllergyInput input) {
    return correct(SafetyKind.ALLERGIES, id, allergyId, ifMatch, input.toInput());
  }

  @GetMapping("/api/v1/patients/{id}/medications")
  @Operation(summary = "Medications in use, current first (CHART_READ)")
  CursorPage<Medication> medications(
      @PathVariable String id,
      @RequestParam(defaultValue = "50") int limit,
      @RequestParam(required = false) @Nullable String cursor,
      @Parameter(description = "the older name of 'cursor' (deprecated)", deprecated = true)
          @RequestParam(required = false)
          @Nullable String after) {
    return list(SafetyKind.MEDICATIONS, id, limit, CursorPage.cursorOrAfter(cursor, after));
  }

  @PostMapping("/api/v1/patients/{id}/medications")
  @Operation(
      summary = "Record a current medication (SAFETY_RECORD)",
      description =
          "Example: {\"drug\": \"Metformin\", \"dose\": \"500 mg\", \"frequency\":"
              + " \"twice a day\", \"since\": \"2023-05-01\"}")
  @IdempotentCreate
  ResponseEntity<Medication> recordMedication(
      @PathVariable String id, @Valid @RequestBody MedicationInput input) {
    return record(SafetyKind.MEDICATIONS, id, input.toInput());
  }

  @PutMapping("/api/v1/patients/{id}/medications/{medicationId}")
  @Operation(summary = "Correct a medication or stop it (SAFETY_RECORD; If-Match)")
  ResponseEntity<Medication> correctMedication(
      @PathVariable String id,
      @PathVariable String medicationId,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
      @Valid @RequestBody MedicationInput input) {
    return correct(SafetyKind.MEDICATIONS, id, medicationId, ifMatch, input.toInput());
  }

  @PostMapping("/api/v1/patients/{id}/{kind:allergies|medications}/{entry}/void")
  @Operation(summary = "Void an allergy or medication entered in error (SAFETY_RECORD)")
  ResponseEntity<Void> voidEntry(
      @PathVariable String id,
      @PathVariable String kind,
      @PathVariable String entry,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
      @Valid @RequestBody ChartApi.VoidInput input) {
    var safetyKind = kind.equals("allergies") ? SafetyKind.ALLERGIES : SafetyKind.MEDICATIONS;
    var entryId = owned(safetyKind, found(id), entry);
    permissions.require(Action.SAFETY_RECORD);
    safety.voidEntry(safetyKind, entryId, input.reason(), ETags.sent(ifMatch));
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/api/v1/patients/{id}/prescribing-check")
  @Operation(
      summary = "Warnings before prescribing a drug (CHART_READ)",
      description =
          "An active allergy to the same substance, or a current medication of the same drug"
              + " (names matched however typed; strengths and forms aside). Example:"
              + " ?drug=Amoxicillin 500 mg")
  Check check(@PathVariable String id, @RequestParam String drug) {
    permissions.require(Action.CHART_READ);
    return new Check(drug, safety.checkPrescription(found(id), drug));
  }

  @PostMapping("/api/v1/patients/{id}/safety-acknowledgements")
  @Operation(
      summary = "Acknowledge the warnings about a drug, with a reason (SAFETY_RECORD)",
      description =
          "Records in the audit trail (SAFETY_WARNING_ACKNOWLEDGED) that the current member saw"
              + " each warning the check gives now and went on; answers those warnings.")
  @IdempotentCreate
  ResponseEntity<Check> acknowledge(
      @PathVariable String id, @Valid @RequestBody AcknowledgementInput input) {
    var patient = found(id);
    permissions.require(Action.SAFETY_RECORD);
    var warnings = safety.checkPrescription(patient, input.drug());
    safety.acknowledge(patient, input.drug(), warnings, input.reason());
    return ResponseEntity.status(201).body(new Check(input.drug(), warnings));
  }

  private <E extends SafetyEntry> CursorPage<E> list(
      SafetyKind<E, ?> kind, String id, int limit, @Nullable String cursor) {
    permissions.require(Action.CHART_READ);
    return CursorPage.of(safety.show(kind, found(id)), limit, cursor, SafetyEntry::id);
  }

  private <E extends SafetyEntry, I> ResponseEntity<E> record(
      SafetyKind<E, I> kind, String id, I input) {
    var patient = found(id);
    permissions.require(Action.SAFETY_RECORD);
    var recorded = safety.record(kind, patient, input);
    return ResponseEntity.created(
            URI.create("/api/v1/patients/" + id + "/" + kind.section() + "/" + recorded.id()))
        .eTag(ETags.of(recorded.version()))
        .body(recorded);
  }

  private <E extends SafetyEntry, I> ResponseEntity<E> correct(
      SafetyKind<E, I> kind, String id, String entry, @Nullable String ifMatch, I input) {
    found(id);
    var entryId = owned(kind, PatientIds.parse(id), entry);
    permissions.require(Action.SAFETY_RECORD);
    var corrected = safety.correct(kind, entryId, input, ETags.required(ifMatch));
    return ResponseEntity.ok().eTag(ETags.of(corrected.version())).body(corrected);
  }

  private PatientId found(String id) {
    return directory.get(PatientIds.parse(id)).id();
  }

  /** The entry's id, if it is one of the patient's entries in use; not found otherwise. */
  private UUID owned(SafetyKind<?, ?> kind, PatientId patient, String entry) {
    var entryId = EntryIds.parse(entry);
    if (safety.list(kind, patient).stream().map(SafetyEntry::id).noneMatch(entryId::equals)) {
      throw new io.carebook.shared.NotFoundException("Entry");
    }
    return entryId;
  }
}
