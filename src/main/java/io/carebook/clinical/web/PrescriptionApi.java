package io.carebook.clinical.web;

import io.carebook.clinical.Prescribing;
import io.carebook.clinical.Prescription;
import io.carebook.clinical.PrescriptionDocuments;
import io.carebook.frontdesk.FinishesTodaysVisits;
import io.carebook.shared.Ids;
import io.carebook.shared.web.ETags;
import io.carebook.tenancy.IdempotentCreate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@FinishesTodaysVisits
@Tag(
    name = "Prescriptions",
    description =
        "Drafted item by item while the visit is WITH_DOCTOR, each drug checked against the"
            + " patient's allergies and current medications; finalized, immutable (409"
            + " /problems/prescription-finalized), addenda only; printable as PDF.")
class PrescriptionApi {

  private final Prescribing prescribing;
  private final io.carebook.clinical.PrescriptionCopies copies;
  private final PrescriptionDocuments documents;

  PrescriptionApi(
      Prescribing prescribing,
      PrescriptionDocuments documents,
      io.carebook.clinical.PrescriptionCopies copies) {
    this.copies = copies;
    this.prescribing = prescribing;
    this.documents = documents;
  }

  record ItemInput(
      @Nullable String drug,
      @Nullable String strength,
      @Nullable String form,
      @Nullable String dose,
      @Nullable String frequency,
      @Nullable String duration,
      @Nullable String route,
      @Nullable String instructions,
      @Nullable Boolean acknowledgeWarnings,
      @Nullable String acknowledgementReason) {}

  @PostMapping("/api/v1/visits/{visitId}/prescriptions")
  @Operation(summary = "Start a draft prescription in the visit's encounter (PRESCRIPTION_DRAFT)")
  @IdempotentCreate
  ResponseEntity<Prescription> draft(@PathVariable String visitId) {
    var prescription = prescribing.draft(Ids.parse(visitId, "Visit"));
    return ResponseEntity.created(URI.create("/api/v1/prescriptions/" + prescription.id()))
        .body(prescription);
  }

  @GetMapping("/api/v1/prescriptions/{id}")
  @Operation(
      summary = "A prescription of the organization, with items and addenda",
      description =
          "Its ETag is its version (moved by every change of it or its items): send it as"
              + " If-Match to void an item, finalize or void, so no change is made on a stale"
              + " read (412).")
  ResponseEntity<Prescription> get(@PathVariable String id) {
    var prescription = prescribing.show(Ids.parse(id, "Prescription")).prescription();
    return ResponseEntity.ok().eTag(ETags.of(prescription.version())).body(prescription);
  }

  @PostMapping("/api/v1/prescriptions/{id}/items")
  @Operation(
      summary = "Add an item to a draft (PRESCRIPTION_DRAFT)",
      description =
          "Example: {\"drug\": \"Amoxicillin\", \"strength\": \"500 mg\", \"form\": \"capsule\","
              + " \"dose\": \"1 capsule\", \"frequency\": \"every 8 hours\", \"duration\": \"7"
              + " days\", \"route\": \"oral\"}. When the patient is recorded allergic to the drug"
              + " or already takes it, the answer is 409 /problems/safety-warning with the"
              + " warnings; send again with \"acknowledgeWarnings\": true (and an"
              + " acknowledgementReason) to add it anyway, which the audit trail records.")
  @IdempotentCreate
  ResponseEntity<Prescription> addItem(
      @PathVariable String id, @RequestBody(required = false) @Nullable ItemInput body) {
    var in =
        body == null
            ? new ItemInput(null, null, null, null, null, null, null, null, null, null)
            : body;
    var prescription =
        prescribing.addItem(
            Ids.parse(id, "Prescription"),
            new Prescription.NewItem(
                in.drug() == null ? "" : in.drug(),
                in.strength(),
                in.form(),
                in.dose(),
                in.frequency(),
                in.duration(),
                in.route(),
                in.instructions()),
            Boolean.TRUE.equals(in.acknowledgeWarnings())
                ? new Prescribing.Acknowledgement(in.acknowledgementReason())
                : null);
    return ResponseEntity.created(URI.create("/api/v1/prescriptions/" + id)).body(prescription);
  }

  @PostMapping("/api/v1/prescriptions/{id}/items/{itemId}/void")
  @Operation(
      summary = "Take an item off a draft, with a reason (PRESCRIPTION_DRAFT; If-Match optional)")
  ResponseEntity<Prescription> voidItem(
      @PathVariable String id,
      @PathVariable String itemId,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
      @RequestBody(required = false) EncounterApi.@Nullable VoidInput body) {
    var prescription =
        prescribing.voidItem(
            Ids.parse(id, "Prescription"),
            Ids.parse(itemId, "Item"),
            body == null ? null : body.reason(),
            ETags.sent(ifMatch));
    return ResponseEntity.ok().eTag(ETags.of(prescription.version())).body(prescription);
  }

  @PostMapping("/api/v1/prescriptions/{id}/finalize")
  @Operation(
      summary =
          "Finalize a draft with items (PRESCRIPTION_FINALIZE; If-Match optional): immutable"
              + " after")
  ResponseEntity<Prescription> finalize(
      @PathVariable String id,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
    var prescription = prescribing.finalize(Ids.parse(id, "Prescription"), ETags.sent(ifMatch));
    return ResponseEntity.ok().eTag(ETags.of(prescription.version())).body(prescription);
  }

  @PostMapping("/api/v1/prescriptions/{id}/addenda")
  @Operation(
      summary = "Add an addendum to a finalized prescription (PRESCRIPTION_ADDENDUM)",
      description = "Example: {\"body\": \"Take with food.\"}")
  @IdempotentCreate
  ResponseEntity<Prescription> addendum(
      @PathVariable String id,
      @RequestBody(required = false) EncounterApi.@Nullable AddendumInput body) {
    var prescription =
        prescribing.addAddendum(Ids.parse(id, "Prescription"), body == null ? null : body.body());
    return ResponseEntity.created(URI.create("/api/v1/prescriptions/" + id)).body(prescription);
  }

  @PostMapping("/api/v1/prescriptions/{id}/void")
  @Operation(
      summary = "Void a prescription issued in error, with a reason",
      description =
          "PRESCRIPTION_ADDENDUM once finalized, PRESCRIPTION_DRAFT before. If-Match (optional)"
              + " with the ETag read refuses a stale write (412).")
  ResponseEntity<Void> voidPrescription(
      @PathVariable String id,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
      @RequestBody(required = false) EncounterApi.@Nullable VoidInput body) {
    prescribing.voidPrescription(
        Ids.parse(id, "Prescription"), body == null ? null : body.reason(), ETags.sent(ifMatch));
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/api/v1/prescriptions/{id}/send")
  @Operation(
      summary = "Send the patient a copy of a finalized prescription, on their request",
      description =
          "Publishes PrescriptionCopyRequested; notifications delivers it on the patient's"
              + " channel. 202; 409 /problems/prescription-not-finalized before it is final.")
  ResponseEntity<Void> send(@PathVariable String id) {
    copies.send(Ids.parse(id, "Prescription"));
    return ResponseEntity.accepted().build();
  }

  @GetMapping("/api/v1/prescriptions/{id}/pdf")
  @Operation(
      summary = "The finalized prescription as a printable PDF",
      description =
          "In the language given by lang (en, es, ar), else the clinic's. With the clinic's"
              + " header, the doctor, the patient, the items and a verification code and QR.")
  ResponseEntity<byte[]> pdf(
      @PathVariable String id, @RequestParam(required = false) @Nullable String lang) {
    var pdf =
        documents.pdf(
            Ids.parse(id, "Prescription"), lang == null ? null : Locale.forLanguageTag(lang));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            "Content-Disposition",
            ContentDisposition.inline().filename("prescription-" + id + ".pdf").build().toString())
        .body(pdf);
  }
}
