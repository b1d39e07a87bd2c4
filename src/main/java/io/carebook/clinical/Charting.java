package io.carebook.clinical;

import io.carebook.audit.AuditTrail;
import io.carebook.frontdesk.Visit;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.ProblemException;
import io.carebook.shared.VisitId;
import io.carebook.shared.web.ETags;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.TenantContext;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing a visit up: its encounter (one per visit, opened by its first clinical record), vital
 * signs, and the SOAP note — drafted and signed while the visit is with the doctor, then only
 * addenda, each signed as written. Every write names its action of the permission matrix and is
 * checked against the visit's present state ({@link VisitGate}). A signed note answers a change
 * with 409 {@code /problems/note-signed}; the database refuses it too.
 */
@Service
public class Charting {

  static final int TEXT_MAX = 20_000;

  private final VisitGate gate;
  private final Addenda addenda;
  private final EncounterRows rows;
  private final PrescriptionRows prescriptions;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final AuditTrail audit;

  Charting(
      VisitGate gate,
      EncounterRows rows,
      PrescriptionRows prescriptions,
      ApplicationEventPublisher events,
      Clock clock,
      AuditTrail audit,
      Addenda addenda) {
    this.audit = audit;
    this.addenda = addenda;
    this.gate = gate;
    this.rows = rows;
    this.prescriptions = prescriptions;
    this.events = events;
    this.clock = clock;
  }

  /** Everything clinical about one visit; {@code encounter} is null until one was opened. */
  public record Record(
      Visit visit,
      @Nullable Encounter encounter,
      List<Vitals> vitals,
      @Nullable Note note,
      List<Prescription> prescriptions) {}

  /** The visit's clinical record; reading it is logged as a view of health data. */
  @Transactional
  public Record of(UUID visitId) {
    var visit = gate.read(visitId);
    audit.viewed("encounters", visitId.toString(), visit.patientId());
    var encounter = rows.ofVisit(visitId).orElse(null);
    if (encounter == null) {
      return new Record(visit, null, List.of(), null, List.of());
    }
    return new Record(
        visit,
        encounter,
        rows.vitals(encounter.id()),
        rows.note(encounter.id(), false).orElse(null),
        prescriptions.ofEncounter(encounter.id()));
  }

  /** Opens the visit's encounter (NOTE_DRAFT), or finds the one already open. */
  @Transactional
  public Encounter open(UUID visitId) {
    return encounterOf(gate.enter(visitId, Action.NOTE_DRAFT));
  }

  /** Records a set of vital signs (VITALS_RECORD); implausible values are field errors. */
  @Transactional
  public Vitals recordVitals(UUID visitId, Vitals.Input input) {
    var visit = gate.enter(visitId, Action.VITALS_RECORD);
    PlausibleVitals.check(input);
    var encounter = encounterOf(visit);
    var id = rows.insertVitals(encounter.id(), input, VisitGate.actor());
    return rows.vitals(encounter.id()).stream().filter(v -> v.id().equals(id)).findFirst().get();
  }

  @Transactional
  public void voidVitals(UUID visitId, UUID vitalsId, @Nullable String reason) {
    voidVitals(visitId, vitalsId, reason, null);
  }

  /**
   * {@link #voidVitals(UUID, UUID, String)} if the vital signs are still at version {@code
   * expected} (412 otherwise; null expects none), checked under the row's lock.
   */
  @Transactional
  public void voidVitals(
      UUID visitId, UUID vitalsId, @Nullable String reason, @Nullable Integer expected) {
    var visit = gate.enter(visitId, Action.VITALS_RECORD);
    var encounter = rows.ofVisit(visit.id()).orElseThrow(() -> new NotFoundException("Vitals"));
    ETags.expect(
        expected,
        rows.lockedVitalsVersion(encounter.id(), vitalsId)
            .orElseThrow(() -> new NotFoundException("Vitals")));
    if (rows.vitals(encounter.id()).stream().noneMatch(v -> v.id().equals(vitalsId))
        || !rows.voidRow(EncounterRows.Table.VITALS, vitalsId, reason(reason), VisitGate.actor())) {
      throw new NotFoundException("Vitals");
    }
  }

  /**
   * Saves the note's draft (NOTE_DRAFT), creating it on the first save. {@code version}, when
   * given, is the one the writer read: a stale one is refused (412) rather than overwriting.
   */
  @Transactional
  public Note saveDraft(UUID visitId, Note.Draft draft, @Nullable Integer version) {
    var visit = gate.enter(visitId, Action.NOTE_DRAFT);
    var checked = NoteText.checked(draft);
    var encounter = encounterOf(visit);
    var note = rows.note(encounter.id(), true);
    if (note.isEmpty() && !rows.insertNote(encounter.id(), checked, VisitGate.actor())) {
      note = rows.note(encounter.id(), true); // a racing first save won: this one updates it
    }
    if (note.isPresent()) {
      requireDraft(note.get());
      if (version != null && version != note.get().version()) {
        throw new OptimisticLockingFailureException("note " + note.get().id() + " changed");
      }
      rows.updateNote(note.get().id(), checked, note.get().version());
    }
    return rows.note(encounter.id(), false).orElseThrow();
  }

  /** Signs the note (NOTE_SIGN): from now on it takes addenda only. */
  @Transactional
  public Note sign(UUID visitId) {
    var visit = gate.enter(visitId, Action.NOTE_SIGN);
    var encounter = rows.ofVisit(visit.id()).orElseThrow(Charting::noNote);
    var note = rows.note(encounter.id(), true).orElseThrow(Charting::noNote);
    requireDraft(note);
    if ((note.subjective() + note.objective() + note.assessment() + note.plan()).isBlank()
        && note.diagnosis() == null) {
      throw new ProblemException(
          HttpStatus.CONFLICT, "empty-note", "A note with nothing written cannot be signed.");
    }
    var at = clock.instant();
    rows.signNote(note.id(), at, VisitGate.actor());
    events.publishEvent(
        new EncounterSigned(
            TenantContext.tenant(),
            encounter.clinicId(),
            encounter.id(),
            note.id(),
            new VisitId(visit.id()),
            visit.patientId(),
            VisitGate.actor(),
            at));
    return rows.note(encounter.id(), false).orElseThrow();
  }

  /** Adds an addendum to the signed note (NOTE_ADDENDUM), signed as it is written. */
  @Transactional
  public Note addAddendum(UUID visitId, @Nullable String body) {
    var visit = gate.enter(visitId, Action.NOTE_ADDENDUM);
    var encounter = rows.ofVisit(visit.id()).orElseThrow(Charting::noNote);
    var note = rows.note(encounter.id(), true).orElseThrow(Charting::noNote);
    addenda.add(Addenda.On.NOTE, note.id(), note.signed(), body);
    return rows.note(encounter.id(), false).orElseThrow();
  }

  /**
   * Voids the note entered in error (NOTE_ADDENDUM: a correction after the fact): it stays in the
   * history with the reason, the person and the time.
   */
  @Transactional
  public void voidNote(UUID visitId, @Nullable String reason) {
    var visit = gate.enter(visitId, Action.NOTE_ADDENDUM);
    var encounter = rows.ofVisit(visit.id()).orElseThrow(Charting::noNote);
    var note = rows.note(encounter.id(), true).orElseThrow(Charting::noNote);
    if (!rows.voidRow(EncounterRows.Table.NOTE, note.id(), reason(reason), VisitGate.actor())) {
      throw new ProblemException(HttpStatus.CONFLICT, "voided", "This note is already voided.");
    }
  }

  Encounter encounterOf(Visit visit) {
    return rows.open(visit.clinicId(), visit.id(), visit.patientId(), VisitGate.actor());
  }

  private static void requireDraft(Note note) {
    if (note.voided() != null) {
      throw new ProblemException(HttpStatus.CONFLICT, "voided", "This note is voided.");
    }
    if (note.signed()) {
      throw new ProblemException(
          HttpStatus.CONFLICT,
          "note-signed",
          "This note is signed and cannot change; add an addendum instead.");
    }
  }

  static String required(String field, @Nullable String text, int max) {
    var value = text(text);
    printable(field, value);
    if (value.isEmpty()) {
      throw ProblemException.invalid(field, "is required");
    }
    if (value.length() > max) {
      throw ProblemException.invalid(field, "must be at most " + max + " characters");
    }
    return value;
  }

  static String reason(@Nullable String reason) {
    return required("reason", reason, 500);
  }

  private static String text(@Nullable String typed) {
    return typed == null ? "" : typed.strip();
  }

  /** Text the database can keep: PostgreSQL refuses the NUL character in text. */
  static void printable(String field, @Nullable String text) {
    if (text != null && text.indexOf('\u0000') >= 0) {
      throw ProblemException.invalid(field, "must not contain the NUL character");
    }
  }

  private static ProblemException noNote() {
    return new ProblemException(
        HttpStatus.CONFLICT, "no-note", "This visit has no note yet; write a draft first.");
  }
}
