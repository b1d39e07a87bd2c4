package io.carebook.clinical;

import io.carebook.patients.Patient.PatientId;
import io.carebook.patients.PatientSafety;
import io.carebook.patients.SafetyWarning;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.ProblemException;
import io.carebook.shared.web.ETags;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Permissions;
import io.carebook.tenancy.TenantContext;
import java.time.Clock;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Prescriptions: drafted in an encounter while the visit is with the doctor, item by item, each
 * drug checked against the patient's allergies and current medications ({@link PatientSafety}); a
 * warning must be acknowledged (audited by patients) before the item is added. Finalized, a
 * prescription is immutable — 409 {@code /problems/prescription-finalized} here, refused by the
 * database too — and takes addenda only.
 */
@Service
public class Prescribing {

  private final VisitGate gate;
  private final Addenda addenda;
  private final Charting charting;
  private final EncounterRows encounters;
  private final PrescriptionRows rows;
  private final PatientSafety safety;
  private final Permissions permissions;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final io.carebook.audit.AuditTrail audit;

  Prescribing(
      VisitGate gate,
      Charting charting,
      EncounterRows encounters,
      PrescriptionRows rows,
      PatientSafety safety,
      Permissions permissions,
      ApplicationEventPublisher events,
      Clock clock,
      io.carebook.audit.AuditTrail audit,
      Addenda addenda) {
    this.audit = audit;
    this.addenda = addenda;
    this.gate = gate;
    this.charting = charting;
    this.encounters = encounters;
    this.rows = rows;
    this.safety = safety;
    this.permissions = permissions;
    this.events = events;
    this.clock = clock;
  }

  /** The prescriber saw these warnings and goes on, for this reason (may be blank). */
  public record Acknowledgement(@Nullable String reason) {}

  /** A prescription and the visit it belongs to. */
  public record Located(Prescription prescription, Encounter encounter) {}

  /** Starts a draft prescription in the visit's encounter (PRESCRIPTION_DRAFT). */
  @Transactional
  public Prescription draft(UUID visitId) {
    var visit = gate.enter(visitId, Action.PRESCRIPTION_DRAFT);
    var encounter = charting.encounterOf(visit);
    return rows.find(rows.insert(encounter.id(), VisitGate.actor()), false).orElseThrow();
  }

  /** A prescription of the organization (CHART_READ), with its encounter. */
  @Transactional(readOnly = true)
  public Located get(UUID id) {
    permissions.require(Action.CHART_READ);
    var prescription = rows.find(id, false).orElseThrow(Prescribing::notFound);
    return new Located(prescription, encounters.find(prescription.encounterId()).orElseThrow());
  }

  /**
   * A prescription as a reader is shown it (PATIENT_VIEW), its JSON or its PDF: the read and its
   * entry in the access log commit together, as for a chart.
   */
  @Transactional
  public Located show(UUID id) {
    var located = get(id);
    audit.viewed("prescriptions", id.toString(), located.encounter().patientId());
    return located;
  }

  /**
   * Adds an item to a draft (PRESCRIPTION_DRAFT). When the patient is recorded allergic to the drug
   * or already takes it, and no {@code acknowledgement} is given, nothing is added: 409 {@code
   * /problems/safety-warning} lists the warnings. With one, the acknowledgement is audited and the
   * item added.
   */
  @Transactional
  public Prescription addItem(
      UUID id, Prescription.NewItem item, @Nullable Acknowledgement acknowledgement) {
    var draft = editable(id, Action.PRESCRIPTION_DRAFT);
    var checked = ItemText.checked(item);
    var patient = new PatientId(draft.encounter().patientId());
    var warnings = safety.checkPrescription(patient, checked.drug());
    if (!warnings.isEmpty()) {
      if (acknowledgement == null) {
        throw new ProblemException(
                HttpStatus.CONFLICT,
                "safety-warning",
                "Check before prescribing "
                    + checked.drug()
                    + ": "
                    + String.join("; ", warnings.stream().map(SafetyWarning::describe).toList())
                    + ". Acknowledge to prescribe it anyway.")
            .property("warnings", warnings);
      }
      safety.acknowledge(patient, checked.drug(), warnings, acknowledgement.reason());
    }
    rows.insertItem(id, checked, VisitGate.actor());
    rows.touch(id);
    return rows.find(id, false).orElseThrow();
  }

  /** Takes an item off a draft (PRESCRIPTION_DRAFT): voided, with the reason. */
  @Transactional
  public Prescription voidItem(UUID id, UUID itemId, @Nullable String reason) {
    return voidItem(id, itemId, reason, null);
  }

  /**
   * {@link #voidItem(UUID, UUID, String)} if the prescription (items included) is still at version
   * {@code expected} (412 otherwise; null expects none); the prescription's version moves with it.
   */
  @Transactional
  public Prescription voidItem(
      UUID id, UUID itemId, @Nullable String reason, @Nullable Integer expected) {
    var draft = editable(id, Action.PRESCRIPTION_DRAFT);
    ETags.expect(expected, draft.prescription().version());
    if (rows.items(id).stream().noneMatch(i -> i.id().equals(itemId))
        || !encounters.voidRow(
            EncounterRows.Table.ITEM, itemId, Charting.reason(reason), VisitGate.actor())) {
      throw new NotFoundException("Item");
    }
    rows.touch(id);
    return rows.find(id, false).orElseThrow();
  }

  /** Finalizes a draft with at least one item (PRESCRIPTION_FINALIZE): immutable from now on. */
  @Transactional
  public Prescription finalize(UUID id) {
    return finalize(id, null);
  }

  /** {@link #finalize(UUID)} if the prescription is still at version {@code expected}. */
  @Transactional
  public Prescription finalize(UUID id, @Nullable Integer expected) {
    var draft = editable(id, Action.PRESCRIPTION_FINALIZE);
    ETags.expect(expected, draft.prescription().version());
    if (draft.prescription().items().isEmpty()) {
      throw new ProblemException(
          HttpStatus.CONFLICT, "empty-prescription", "Add at least one item before finalizing.");
    }
    var at = clock.instant();
    rows.finalize(id, at, VisitGate.actor());
    events.publishEvent(
        new PrescriptionFinalized(
            TenantContext.tenant(),
            draft.encounter().clinicId(),
            id,
            draft.encounter().id(),
            draft.encounter().patientId(),
            VisitGate.actor(),
            at));
    return rows.find(id, false).orElseThrow();
  }

  /** Adds an addendum to a finalized prescription (PRESCRIPTION_ADDENDUM). */
  @Transactional
  public Prescription addAddendum(UUID id, @Nullable String body) {
    var located = locked(id, Action.PRESCRIPTION_ADDENDUM);
    addenda.add(Addenda.On.PRESCRIPTION, id, located.prescription().finalized(), body);
    rows.touch(id);
    return rows.find(id, false).orElseThrow();
  }

  /**
   * Voids a prescription issued or drafted in error: PRESCRIPTION_ADDENDUM once finalized,
   * PRESCRIPTION_DRAFT before. It stays, with the reason, the person and the time.
   */
  @Transactional
  public void voidPrescription(UUID id, @Nullable String reason) {
    voidPrescription(id, reason, null);
  }

  /** {@link #voidPrescription(UUID, String)} if it is still at version {@code expected}. */
  @Transactional
  public void voidPrescription(UUID id, @Nullable String reason, @Nullable Integer expected) {
    var current = rows.find(id, false).orElseThrow(Prescribing::notFound);
    var located =
        locked(id, current.finalized() ? Action.PRESCRIPTION_ADDENDUM : Action.PRESCRIPTION_DRAFT);
    ETags.expect(expected, located.prescription().version());
    if (!encounters.voidRow(
        EncounterRows.Table.PRESCRIPTION,
        located.prescription().id(),
        Charting.reason(reason),
        VisitGate.actor())) {
      throw new ProblemException(
          HttpStatus.CONFLICT, "voided", "This prescription is already voided.");
    }
  }

  private Located editable(UUID id, Action action) {
    var located = locked(id, action);
    if (located.prescription().voided() != null) {
      throw new ProblemException(HttpStatus.CONFLICT, "voided", "This prescription is voided.");
    }
    if (located.prescription().finalized()) {
      throw new ProblemException(
          HttpStatus.CONFLICT,
          "prescription-finalized",
          "This prescription is finalized and cannot change; add an addendum instead.");
    }
    return located;
  }

  /** The prescription, locked, once the member may take {@code action} on its visit now. */
  private Located locked(UUID id, Action action) {
    var prescription = rows.find(id, false).orElseThrow(Prescribing::notFound);
    var encounter = encounters.find(prescription.encounterId()).orElseThrow();
    gate.enter(encounter.visitId(), action);
    return new Located(rows.find(id, true).orElseThrow(), encounter);
  }

  private static NotFoundException notFound() {
    return new NotFoundException("Prescription");
  }

  // fhir: prescriptions read by patient and by item, for MedicationRequest

  /**
   * A patient's prescriptions at every clinic of the organization, oldest first, each with its
   * encounter (CHART_READ). Not logged: the caller logs the view.
   */
  @Transactional(readOnly = true)
  public java.util.List<Located> ofPatient(PatientId patient) {
    permissions.require(Action.CHART_READ);
    return rows.ofPatient(patient.value()).stream()
        .map(p -> new Located(p, encounters.find(p.encounterId()).orElseThrow()))
        .toList();
  }

  /**
   * The prescription holding an item in use (CHART_READ), with its encounter; another
   * organization's item is not found. Not logged: the caller logs the view.
   */
  @Transactional(readOnly = true)
  public Located ofItem(UUID itemId) {
    permissions.require(Action.CHART_READ);
    return rows.prescriptionOfItem(itemId).map(this::get).orElseThrow(Prescribing::notFound);
  }
}
