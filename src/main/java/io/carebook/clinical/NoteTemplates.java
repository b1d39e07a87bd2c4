package io.carebook.clinical;

import io.carebook.shared.NotFoundException;
import io.carebook.shared.ProblemException;
import io.carebook.shared.VisitState;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Permissions;
import io.carebook.tenancy.TenantContext;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The active clinic's note templates. Those who write notes (NOTE_DRAFT while with the doctor) or
 * manage the clinic (SETTINGS_MANAGE) keep them; applying one fills a draft's empty parts only, so
 * nothing written is overwritten.
 */
@Service
public class NoteTemplates {

  private final JdbcClient jdbc;
  private final Permissions permissions;
  private final Charting charting;

  NoteTemplates(JdbcClient jdbc, Permissions permissions, Charting charting) {
    this.jdbc = jdbc;
    this.permissions = permissions;
    this.charting = charting;
  }

  @Transactional(readOnly = true)
  public List<NoteTemplate> list() {
    permissions.require(Action.PATIENT_VIEW);
    return jdbc.sql(
            """
            select * from note_templates where clinic_id = ? and retired_at is null
            order by lower(name)""")
        .param(TenantContext.clinic().value())
        .query(
            (rs, n) ->
                new NoteTemplate(
                    rs.getObject("id", UUID.class),
                    rs.getString("name"),
                    rs.getString("subjective"),
                    rs.getString("objective"),
                    rs.getString("assessment"),
                    rs.getString("plan")))
        .list();
  }

  @Transactional
  public NoteTemplate create(String name, Note.Draft text) {
    requireKeeper();
    var checked = Charting.required("name", name, 100);
    for (var part :
        new @Nullable String[] {
          text.subjective(), text.objective(), text.assessment(), text.plan()
        }) {
      Charting.printable("text", part);
      if (part != null && part.strip().length() > Charting.TEXT_MAX) {
        throw ProblemException.invalid(
            "text", "each part must be at most " + Charting.TEXT_MAX + " characters");
      }
    }
    var id = UUID.randomUUID();
    try {
      jdbc.sql(
              """
              insert into note_templates (tenant_id, id, clinic_id, name, subjective, objective,
                assessment, plan, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(
              TenantContext.tenant().value(),
              id,
              TenantContext.clinic().value(),
              checked,
              text(text.subjective()),
              text(text.objective()),
              text(text.assessment()),
              text(text.plan()),
              VisitGate.actor())
          .update();
    } catch (DuplicateKeyException e) {
      throw new ProblemException(
          HttpStatus.CONFLICT, "duplicate-template", "This clinic has a template of that name.");
    }
    return find(id);
  }

  @Transactional
  public void retire(UUID id) {
    requireKeeper();
    find(id);
    jdbc.sql("update note_templates set retired_at = now(), retired_by = ? where id = ?")
        .params(VisitGate.actor(), id)
        .update();
  }

  /** Fills the visit's draft note's empty parts from the template (NOTE_DRAFT). */
  @Transactional
  public Note apply(UUID visitId, UUID templateId) {
    var template = find(templateId);
    var current = charting.of(visitId).note();
    var draft =
        new Note.Draft(
            fill(current == null ? null : current.subjective(), template.subjective()),
            fill(current == null ? null : current.objective(), template.objective()),
            fill(current == null ? null : current.assessment(), template.assessment()),
            current == null ? null : current.diagnosis(),
            current == null ? null : current.icd10(),
            fill(current == null ? null : current.plan(), template.plan()));
    return charting.saveDraft(visitId, draft, current == null ? null : current.version());
  }

  private NoteTemplate find(UUID id) {
    return list().stream()
        .filter(t -> t.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("Template"));
  }

  private void requireKeeper() {
    if (!permissions.allows(Action.SETTINGS_MANAGE)) {
      permissions.require(Action.NOTE_DRAFT, VisitState.WITH_DOCTOR);
    }
  }

  private static String fill(@Nullable String written, String template) {
    return written == null || written.isBlank() ? template : written;
  }

  private static String text(@Nullable String typed) {
    return typed == null ? "" : typed.strip();
  }
}
