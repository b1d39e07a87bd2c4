package io.carebook.clinical.web;

import io.carebook.clinical.Charting;
import io.carebook.clinical.Encounter;
import io.carebook.clinical.Note;
import io.carebook.clinical.Vitals;
import io.carebook.frontdesk.FinishesTodaysVisits;
import io.carebook.shared.Ids;
import io.carebook.shared.web.ETags;
import io.carebook.tenancy.IdempotentCreate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The encounter of a visit: vitals and the SOAP note. Writes are checked against the visit's state
 * by the permission matrix; a read-only clinic may still document today's visits.
 */
@RestController
@FinishesTodaysVisits
@Tag(
    name = "Encounters",
    description =
        "A visit's clinical record: vital signs and the SOAP note, drafted and signed while the"
            + " visit is WITH_DOCTOR, then addenda only. Signed notes never change (409"
            + " /problems/note-signed).")
class EncounterApi {

  private final Charting charting;

  EncounterApi(Charting charting) {
    this.charting = charting;
  }

  @Schema(name = "ClinicalVoid") // not the chart entries' VoidInput, in the OpenAPI document
  record VoidInput(@Nullable String reason) {}

  record AddendumInput(@Nullable String body) {}

  @GetMapping("/api/v1/visits/{visitId}/encounter")
  @Operation(summary = "The visit with its encounter, vitals, note and prescriptions (CHART_READ)")
  Charting.Record encounter(@PathVariable String visitId) {
    return charting.of(Ids.parse(visitId, "Visit"));
  }

  @PostMapping("/api/v1/visits/{visitId}/encounter")
  @Operation(summary = "Open the visit's encounter, or find the one open (NOTE_DRAFT)")
  @IdempotentCreate
  ResponseEntity<Encounter> open(@PathVariable String visitId) {
    var encounter = charting.open(Ids.parse(visitId, "Visit"));
    return ResponseEntity.created(URI.create("/api/v1/visits/" + visitId + "/encounter"))
        .body(encounter);
  }

  @PostMapping("/api/v1/visits/{visitId}/vitals")
  @Operation(
      summary = "Record vital signs (VITALS_RECORD, WITH_ASSISTANT or WITH_DOCTOR)",
      description =
          "Each measure optional, at least one: systolic/diastolic (mmHg, 50–260/30–160), pulse"
              + " (/min, 20–250), temperature (°C, 30–45), respiratoryRate (/min, 4–80), oxygen"
              + " (%, 50–100), weight (kg, 0.3–400), height (cm, 20–250). Example: {\"systolic\":"
              + " 120, \"diastolic\": 80, \"pulse\": 72, \"temperature\": 37.2}")
  @IdempotentCreate
  ResponseEntity<Vitals> vitals(
      @PathVariable String visitId, @RequestBody(required = false) Vitals.@Nullable Input body) {
    var vitals =
        charting.recordVitals(
            Ids.parse(visitId, "Visit"),
            body == null ? new Vitals.Input(null, null, null, null, null, null, null, null) : body);
    return ResponseEntity.created(
            URI.create("/api/v1/visits/" + visitId + "/vitals/" + vitals.id()))
        .body(vitals);
  }

  @PostMapping("/api/v1/visits/{visitId}/vitals/{vitalsId}/void")
  @Operation(
      summary = "Void vital signs entered in error, with a reason (VITALS_RECORD)",
      description =
          "If-Match (optional) with the vital signs' version (their 'version' in the visit's"
              + " chart, as an ETag: \"0\") refuses a stale write (412).")
  ResponseEntity<Void> voidVitals(
      @PathVariable String visitId,
      @PathVariable String vitalsId,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
      @RequestBody(required = false) @Nullable VoidInput body) {
    charting.voidVitals(
        Ids.parse(visitId, "Visit"),
        Ids.parse(vitalsId, "Vitals"),
        body == null ? null : body.reason(),
        ETags.sent(ifMatch));
    return ResponseEntity.noContent().build();
  }

  @PutMapping("/api/v1/visits/{visitId}/note")
  @Operation(
      summary = "Save the SOAP note's draft (NOTE_DRAFT, WITH_DOCTOR; If-Match optional)",
      description =
          "Example: {\"subjective\": \"Sore throat for 3 days\", \"objective\": \"Red pharynx\","
              + " \"assessment\": \"Viral pharyngitis\", \"diagnosis\": \"Acute pharyngitis\","
              + " \"icd10\": \"J02.9\", \"plan\": \"Fluids, paracetamol\"}. A signed note answers"
              + " 409 /problems/note-signed.")
  ResponseEntity<Note> saveNote(
      @PathVariable String visitId,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
      @RequestBody(required = false) Note.@Nullable Draft body) {
    var note =
        charting.saveDraft(
            Ids.parse(visitId, "Visit"),
            body == null ? new Note.Draft(null, null, null, null, null, null) : body,
            ETags.optional(ifMatch));
    return ResponseEntity.ok().eTag(ETags.of(note.version())).body(note);
  }

  @PostMapping("/api/v1/visits/{visitId}/note/sign")
  @Operation(summary = "Sign the note (NOTE_SIGN, WITH_DOCTOR): addenda only from then on")
  Note sign(
      @PathVariable String visitId,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
    fresh(visitId, ifMatch);
    return charting.sign(Ids.parse(visitId, "Visit"));
  }

  @PostMapping("/api/v1/visits/{visitId}/note/addenda")
  @Operation(
      summary = "Add an addendum to the signed note, signed as written (NOTE_ADDENDUM)",
      description = "Example: {\"body\": \"Throat swab negative for strep.\"}")
  @IdempotentCreate
  ResponseEntity<Note> addendum(
      @PathVariable String visitId, @RequestBody(required = false) @Nullable AddendumInput body) {
    var note = charting.addAddendum(Ids.parse(visitId, "Visit"), body == null ? null : body.body());
    return ResponseEntity.created(URI.create("/api/v1/visits/" + visitId + "/encounter"))
        .body(note);
  }

  @PostMapping("/api/v1/visits/{visitId}/note/void")
  @Operation(summary = "Void the note entered in error, with a reason (NOTE_ADDENDUM)")
  ResponseEntity<Void> voidNote(
      @PathVariable String visitId,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
      @RequestBody(required = false) @Nullable VoidInput body) {
    fresh(visitId, ifMatch);
    charting.voidNote(Ids.parse(visitId, "Visit"), body == null ? null : body.reason());
    return ResponseEntity.noContent().build();
  }

  /** A stale If-Match on a change of the visit's note is 412; none is still accepted. */
  private void fresh(String visitId, @Nullable String ifMatch) {
    ETags.checkIfSent(ifMatch, () -> noteVersion(charting, visitId));
  }

  static int noteVersion(Charting charting, String visitId) {
    var note = charting.of(Ids.parse(visitId, "Visit")).note();
    if (note == null) {
      throw new io.carebook.shared.NotFoundException("Note");
    }
    return note.version();
  }
}
