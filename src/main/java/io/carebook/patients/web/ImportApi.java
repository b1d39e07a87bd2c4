package io.carebook.patients.web;

import io.carebook.patients.imports.PatientImport;
import io.carebook.patients.imports.PatientImports;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.web.ApiDeprecated;
import io.carebook.shared.web.CursorPage;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Permissions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Importing a patient list from CSV: upload and preview, then import, then the result. */
@RestController
@Tag(name = "Patient imports", description = "Moving a clinic's patient list off a spreadsheet")
class ImportApi {

  private final PatientImports imports;
  private final Permissions permissions;

  ImportApi(PatientImports imports, Permissions permissions) {
    this.imports = imports;
    this.permissions = permissions;
  }

  record Preview(PatientImport patientImport, List<PatientImports.PreviewRow> rows) {}

  @PostMapping(value = "/api/v1/patients/imports", consumes = "multipart/form-data")
  @Operation(
      summary = "Upload a patient list (CSV, UTF-8) and preview it (PATIENT_IMPORT)",
      description =
          "A header row naming the columns (name, phone, date of birth, sex, email, address; in"
              + " English, Spanish or Arabic), then one patient a row. Answers every row with its"
              + " errors and the patient the duplicate rule already matches. The same file again"
              + " answers its earlier import (200) instead of a new one (201).")
  ResponseEntity<Preview> upload(@RequestPart("file") MultipartFile file) {
    permissions.require(Action.PATIENT_IMPORT);
    try {
      var name = file.getOriginalFilename() == null ? "patients.csv" : file.getOriginalFilename();
      var upload = imports.upload(name, file.getBytes());
      var uploaded = upload.patientImport();
      var preview = new Preview(uploaded, imports.preview(uploaded.id()));
      return upload.created()
          ? ResponseEntity.created(URI.create("/api/v1/patients/imports/" + uploaded.id()))
              .body(preview)
          : ResponseEntity.ok(preview);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @GetMapping("/api/v1/patients/imports/{importId}")
  @Operation(summary = "An import and its progress (PATIENT_IMPORT)")
  PatientImport status(@PathVariable String importId) {
    permissions.require(Action.PATIENT_IMPORT);
    return imports.status(id(importId));
  }

  @GetMapping("/api/v1/patients/imports/{importId}/rows")
  @ApiDeprecated(
      since = "2026-12-07",
      sunset = "2027-06-07",
      successor = "GET /api/v1/patients/imports/{importId}/outcomes")
  @Operation(
      summary = "What became of each row of an import, all at once (PATIENT_IMPORT)",
      description =
          "A bare array, from before every list became a page: use"
              + " /api/v1/patients/imports/{importId}/outcomes.")
  List<PatientImports.RowOutcome> rows(@PathVariable String importId) {
    permissions.require(Action.PATIENT_IMPORT);
    return imports.outcomes(id(importId));
  }

  @GetMapping("/api/v1/patients/imports/{importId}/outcomes")
  @Operation(summary = "What became of each row of an import, by row number (PATIENT_IMPORT)")
  CursorPage<PatientImports.RowOutcome> outcomes(
      @PathVariable String importId,
      @RequestParam(defaultValue = "50") int limit,
      @RequestParam(required = false) @Nullable String cursor) {
    permissions.require(Action.PATIENT_IMPORT);
    return imports.outcomes(id(importId), limit, cursor);
  }

  @PostMapping("/api/v1/patients/imports/{importId}/start")
  @Operation(
      summary = "Import the previewed list (PATIENT_IMPORT)",
      description =
          "Runs in the background (202); poll the import for progress. Rows with errors and rows"
              + " the duplicate rule matches are skipped and reported. Starting again changes"
              + " nothing.")
  ResponseEntity<PatientImport> start(@PathVariable String importId) {
    permissions.require(Action.PATIENT_IMPORT);
    return ResponseEntity.accepted().body(imports.start(id(importId)));
  }

  private static UUID id(String value) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("Import");
    }
  }
}
