package io.carebook.patients.web;

import io.carebook.patients.PatientDirectory;
import io.carebook.patients.documents.PatientDocument;
import io.carebook.patients.documents.PatientDocuments;
import io.carebook.shared.web.CursorPage;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Permissions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Documents attached to a chart: upload, list, and download (each read logged). */
@RestController
@Tag(name = "Patient documents", description = "Scans, reports and photos on a chart")
class DocumentApi {

  private final PatientDocuments documents;
  private final PatientDirectory directory;
  private final Permissions permissions;

  DocumentApi(PatientDocuments documents, PatientDirectory directory, Permissions permissions) {
    this.documents = documents;
    this.directory = directory;
    this.permissions = permissions;
  }

  @PostMapping(value = "/api/v1/patients/{id}/documents", consumes = "multipart/form-data")
  @Operation(
      summary = "Attach a document: PDF, JPEG or PNG, 10 MB at most (PATIENT_EDIT)",
      description =
          "multipart/form-data with 'file' and an optional 'description'. The type is told by"
              + " the file's bytes; others answer 415 /problems/unsupported-document-type, larger"
              + " files 413 /problems/document-too-large. The name is sanitized.")
  ResponseEntity<PatientDocument> upload(
      @PathVariable String id,
      @RequestPart("file") MultipartFile file,
      @RequestParam(required = false) @Nullable String description) {
    var patient = directory.get(PatientIds.parse(id)).id();
    permissions.require(Action.PATIENT_EDIT);
    try {
      var name = file.getOriginalFilename() == null ? "document" : file.getOriginalFilename();
      var document = documents.upload(patient, name, file.getInputStream(), description);
      return ResponseEntity.created(
              URI.create("/api/v1/patients/" + id + "/documents/" + document.id()))
          .body(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @GetMapping("/api/v1/patients/{id}/documents")
  @Operation(summary = "A chart's documents, newest first (CHART_READ)")
  CursorPage<PatientDocument> list(
      @PathVariable String id,
      @RequestParam(defaultValue = "20") int limit,
      @RequestParam(required = false) @Nullable String cursor,
      @Parameter(description = "the older name of 'cursor' (deprecated)", deprecated = true)
          @RequestParam(required = false)
          @Nullable String after) {
    permissions.require(Action.CHART_READ);
    var patient = directory.get(PatientIds.parse(id)).id();
    return documents.page(patient, limit, CursorPage.cursorOrAfter(cursor, after));
  }

  @GetMapping("/api/v1/patients/{id}/documents/{documentId}/content")
  @Operation(
      summary = "Download a document (CHART_READ; logged as a view of health data)",
      description = "Another organization's document, or one voided, is not found (404).")
  ResponseEntity<InputStreamResource> download(
      @PathVariable String id, @PathVariable String documentId) {
    permissions.require(Action.CHART_READ);
    return serve(documents, PatientIds.parse(id), EntryIds.parse(documentId));
  }

  /** The bytes as an attachment, under the sanitized name, never rendered inline. */
  static ResponseEntity<InputStreamResource> serve(
      PatientDocuments documents,
      io.carebook.patients.Patient.PatientId patient,
      java.util.UUID documentId) {
    var download = documents.open(patient, documentId);
    var document = download.document();
    var disposition =
        ContentDisposition.attachment().filename(document.fileName(), StandardCharsets.UTF_8);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(document.contentType()))
        .contentLength(document.sizeBytes())
        .header(HttpHeaders.CONTENT_DISPOSITION, disposition.build().toString())
        .header("Cache-Control", "private, no-store")
        .body(new InputStreamResource(download.content()));
  }
}
