package io.carebook.patients.web;

import io.carebook.patients.NewPatient;
import io.carebook.patients.Patient;
import io.carebook.patients.PatientChart;
import io.carebook.patients.PatientDirectory;
import io.carebook.patients.PatientMerge;
import io.carebook.shared.web.CursorPage;
import io.carebook.shared.web.ETags;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.IdempotentCreate;
import io.carebook.tenancy.Permissions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
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

@RestController
@Tag(name = "Patients", description = "The organization's patients, shared by its clinics")
class PatientApi {

  private final PatientDirectory directory;
  private final PatientChart chart;
  private final PatientMerge merges;
  private final Permissions permissions;

  PatientApi(
      PatientDirectory directory,
      PatientChart chart,
      PatientMerge merges,
      Permissions permissions) {
    this.directory = directory;
    this.chart = chart;
    this.merges = merges;
    this.permissions = permissions;
  }

  record PatientInput(
      @NotBlank @Size(max = 200) String fullName,
      @Size(max = 40) @Nullable String phone,
      @Past @Nullable LocalDate dateOfBirth,
      Patient.@Nullable Sex sex,
      @Schema(description = "the name in another script, e.g. the Latin spelling") @Size(max = 200)
          @Nullable String otherName,
      @Size(max = 40) @Nullable String alternatePhone,
      @Size(max = 254) @Nullable String email,
      @Size(max = 500) @Nullable String address) {

    NewPatient toNew() {
      return new NewPatient(
          fullName, phone, dateOfBirth, sex, otherName, alternatePhone, email, address);
    }
  }

  record MergeInput(@NotBlank String duplicateId, @NotBlank @Size(max = 400) String reason) {}

  @GetMapping("/api/v1/patients")
  @Operation(
      summary = "Search patients as you type, newest first (PATIENT_VIEW)",
      description =
          "q matches digits of the phones (any script), any part of the names, or an MRN"
              + " (MRN-000123). identifier finds the holders of a national id, passport or"
              + " insurance number by its exact value (spaces and dashes aside), e.g."
              + " ?identifier=29001011234567.")
  CursorPage<PatientView> search(
      @RequestParam(defaultValue = "") String q,
      @RequestParam(required = false) @Nullable String identifier,
      @RequestParam(defaultValue = "20") int limit,
      @Parameter(description = "the 'next' of the previous page") @RequestParam(required = false)
          @Nullable String cursor,
      @Parameter(description = "the older name of 'cursor' (deprecated)", deprecated = true)
          @RequestParam(required = false)
          @Nullable String after) {
    permissions.require(Action.PATIENT_VIEW);
    CursorPage.limit(limit);
    if (identifier != null) {
      var holders = chart.findByIdentifier(identifier);
      return CursorPage.whole(holders.stream().map(PatientView::of).toList());
    }
    var page = directory.search(q, limit, cursor != null && !cursor.isBlank() ? cursor : after);
    return new CursorPage<>(page.items().stream().map(PatientView::of).toList(), page.next());
  }

  @PostMapping("/api/v1/patients")
  @Operation(
      summary = "Register a patient",
      description =
          "Phone numbers are read in the clinic's country and stored in E.164. The same phone"
              + " and name as an existing patient answers 409 with that patient's id.")
  @IdempotentCreate
  ResponseEntity<PatientView> register(@Valid @RequestBody PatientInput input) {
    permissions.require(Action.PATIENT_REGISTER);
    // read after the registration commits, which gives the record number
    var patient = directory.get(directory.registerId(input.toNew()));
    return ResponseEntity.created(URI.create("/api/v1/patients/" + patient.id()))
        .eTag(ETags.of(patient.version()))
        .body(PatientView.of(patient));
  }

  @GetMapping("/api/v1/patients/similar")
  @Operation(
      summary = "Patients who may be the one being registered (PATIENT_REGISTER)",
      description =
          "Names alike (trigrams, either script) or the same date of birth with names a little"
              + " alike: a warning to show at registration, not a rule.")
  CursorPage<PatientView> similar(
      @RequestParam String fullName,
      @RequestParam(required = false) @Nullable LocalDate dateOfBirth,
      @RequestParam(required = false) @Nullable Integer limit,
      @RequestParam(required = false) @Nullable String cursor) {
    permissions.require(Action.PATIENT_REGISTER);
    return CursorPage.wholeUnlessLimited(
        directory.similar(fullName, dateOfBirth).stream().map(PatientView::of).toList(),
        limit,
        cursor,
        PatientView::id);
  }

  @PostMapping("/api/v1/patients/{id}/merge")
  @Operation(
      summary = "Merge a duplicate record into this one (PATIENT_MERGE)",
      description =
          "Every entry of the duplicate's chart moves here, history included; the duplicate is"
              + " voided with the reason and points at this record. Example:"
              + " {\"duplicateId\": \"…\", \"reason\": \"registered twice at the desk\"}")
  ResponseEntity<PatientView> merge(
      @PathVariable String id,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
      @Valid @RequestBody MergeInput input) {
    var survivor = PatientIds.parse(id);
    var current = directory.get(survivor);
    permissions.require(Action.PATIENT_MERGE);
    ETags.checkIfSent(ifMatch, current.version());
    var merged = merges.merge(survivor, PatientIds.parse(input.duplicateId()), input.reason());
    return ResponseEntity.ok().eTag(ETags.of(merged.version())).body(PatientView.of(merged));
  }

  @GetMapping("/api/v1/patients/{id}")
  @Operation(
      summary = "Open a patient's chart (logged as a view); the ETag is needed to correct it")
  ResponseEntity<PatientView> get(@PathVariable String id) {
    permissions.require(Action.PATIENT_VIEW);
    var patient = directory.chart(PatientIds.parse(id));
    return ResponseEntity.ok().eTag(ETags.of(patient.version())).body(PatientView.of(patient));
  }

  @PutMapping("/api/v1/patients/{id}")
  @Operation(summary = "Correct a patient's details (If-Match with the ETag you read)")
  ResponseEntity<PatientView> correct(
      @PathVariable String id,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
      @Valid @RequestBody PatientInput input) {
    var patientId = PatientIds.parse(id);
    directory.get(patientId);
    permissions.require(Action.PATIENT_EDIT);
    var patient = directory.correct(patientId, input.toNew(), ETags.required(ifMatch));
    return ResponseEntity.ok().eTag(ETags.of(patient.version())).body(PatientView.of(patient));
  }
}
