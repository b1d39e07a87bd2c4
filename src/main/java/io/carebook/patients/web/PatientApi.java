package io.carebook.patients.web;

import io.carebook.patients.NewPatient;
import io.carebook.patients.Patient;
import io.carebook.patients.PatientDirectory;
import io.carebook.shared.ProblemException;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Permissions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
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
  private final Permissions permissions;

  PatientApi(PatientDirectory directory, Permissions permissions) {
    this.directory = directory;
    this.permissions = permissions;
  }

  record PatientInput(
      @NotBlank @Size(max = 200) String fullName,
      @Size(max = 40) @Nullable String phone,
      @Past @Nullable LocalDate dateOfBirth,
      Patient.@Nullable Sex sex) {

    NewPatient toNew() {
      return new NewPatient(fullName, phone, dateOfBirth, sex);
    }
  }

  record PatientPage(List<PatientView> items, @Nullable String next) {}

  @GetMapping("/api/v1/patients")
  @Operation(
      summary = "Search patients as you type, newest first",
      description = "q matches digits of the phone (any script) or any part of the name.")
  PatientPage search(
      @RequestParam(defaultValue = "") String q,
      @RequestParam(defaultValue = "20") int limit,
      @Parameter(description = "the 'next' cursor of the previous page")
          @RequestParam(required = false)
          @Nullable String after) {
    permissions.require(Action.PATIENT_VIEW);
    var page = directory.search(q, limit, after);
    return new PatientPage(page.items().stream().map(PatientView::of).toList(), page.next());
  }

  @PostMapping("/api/v1/patients")
  @Operation(
      summary = "Register a patient",
      description =
          "Phone numbers are read in the clinic's country and stored in E.164. The same phone"
              + " and name as an existing patient answers 409 with that patient's id.")
  ResponseEntity<PatientView> register(@Valid @RequestBody PatientInput input) {
    permissions.require(Action.PATIENT_REGISTER);
    var patient = directory.register(input.toNew());
    return ResponseEntity.created(URI.create("/api/v1/patients/" + patient.id()))
        .eTag(etag(patient))
        .body(PatientView.of(patient));
  }

  @GetMapping("/api/v1/patients/{id}")
  @Operation(
      summary = "Open a patient's chart (logged as a view); the ETag is needed to correct it")
  ResponseEntity<PatientView> get(@PathVariable String id) {
    permissions.require(Action.PATIENT_VIEW);
    var patient = directory.chart(PatientIds.parse(id));
    return ResponseEntity.ok().eTag(etag(patient)).body(PatientView.of(patient));
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
    var patient = directory.correct(patientId, input.toNew(), version(ifMatch));
    return ResponseEntity.ok().eTag(etag(patient)).body(PatientView.of(patient));
  }

  private static String etag(Patient patient) {
    return "\"" + patient.version() + "\"";
  }

  private static int version(@Nullable String ifMatch) {
    if (ifMatch == null) {
      throw new ProblemException(
          HttpStatus.PRECONDITION_REQUIRED,
          "if-match-required",
          "Send the ETag you read as If-Match, so that no change is overwritten unseen.");
    }
    try {
      return Integer.parseInt(ifMatch.replace("W/", "").replace("\"", "").trim());
    } catch (NumberFormatException e) {
      throw new ProblemException(
          HttpStatus.PRECONDITION_FAILED,
          "stale-write",
          "The If-Match value is not an ETag we sent.");
    }
  }
}
