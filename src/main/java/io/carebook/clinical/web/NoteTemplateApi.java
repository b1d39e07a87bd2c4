package io.carebook.clinical.web;

import io.carebook.clinical.Note;
import io.carebook.clinical.NoteTemplate;
import io.carebook.clinical.NoteTemplates;
import io.carebook.shared.Ids;
import io.carebook.shared.web.CursorPage;
import io.carebook.shared.web.ETags;
import io.carebook.tenancy.IdempotentCreate;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class NoteTemplateApi {

  private final NoteTemplates templates;
  private final io.carebook.clinical.Charting charting;

  NoteTemplateApi(NoteTemplates templates, io.carebook.clinical.Charting charting) {
    this.templates = templates;
    this.charting = charting;
  }

  record TemplateInput(
      @Nullable String name,
      @Nullable String subjective,
      @Nullable String objective,
      @Nullable String assessment,
      @Nullable String plan) {}

  @GetMapping("/api/v1/note-templates")
  @Operation(summary = "The active clinic's note templates", tags = "Encounters")
  CursorPage<NoteTemplate> list(
      @RequestParam(required = false) @Nullable Integer limit,
      @RequestParam(required = false) @Nullable String cursor) {
    return CursorPage.wholeUnlessLimited(templates.list(), limit, cursor, NoteTemplate::id);
  }

  @PostMapping("/api/v1/note-templates")
  @Operation(
      summary = "Add a note template to the active clinic (doctors, or SETTINGS_MANAGE)",
      description =
          "Example: {\"name\": \"Sore throat\", \"subjective\": \"Sore throat for … days\","
              + " \"plan\": \"Fluids, paracetamol\"}",
      tags = "Encounters")
  @IdempotentCreate
  ResponseEntity<NoteTemplate> create(@RequestBody(required = false) @Nullable TemplateInput in) {
    var body = in == null ? new TemplateInput(null, null, null, null, null) : in;
    var template =
        templates.create(
            body.name() == null ? "" : body.name(),
            new Note.Draft(
                body.subjective(), body.objective(), body.assessment(), null, null, body.plan()));
    return ResponseEntity.created(URI.create("/api/v1/note-templates/" + template.id()))
        .body(template);
  }

  @PostMapping("/api/v1/note-templates/{id}/retire")
  @Operation(summary = "Retire a note template", tags = "Encounters")
  ResponseEntity<Void> retire(@PathVariable String id) {
    templates.retire(Ids.parse(id, "Template"));
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/api/v1/visits/{visitId}/note/template/{id}")
  @io.carebook.frontdesk.FinishesTodaysVisits
  @Operation(
      summary = "Fill the draft note's empty parts from a template (NOTE_DRAFT)",
      tags = "Encounters")
  Note apply(
      @PathVariable String visitId,
      @PathVariable String id,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
    ETags.checkIfSent(ifMatch, () -> EncounterApi.noteVersion(charting, visitId));
    return templates.apply(Ids.parse(visitId, "Visit"), Ids.parse(id, "Template"));
  }
}
