package io.carebook.patients;

import io.carebook.audit.AuditTrail;
import io.carebook.patients.Patient.PatientId;
import io.carebook.patients.safety.DrugNames;
import io.carebook.patients.safety.SafetyKind;
import io.carebook.patients.safety.SafetyRecords;
import io.carebook.shared.ProblemException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Patient safety: allergies and current medications, and the check other modules run before
 * prescribing ({@link #checkPrescription}), whose warnings a prescriber must acknowledge ({@link
 * #acknowledge}, recorded in the audit trail). Callers check permissions; this checks the data.
 */
@Service
public class PatientSafety {

  private final SafetyRecords records;
  private final PatientDirectory directory;
  private final Voiding voiding;
  private final AuditTrail audit;

  PatientSafety(
      SafetyRecords records, PatientDirectory directory, Voiding voiding, AuditTrail audit) {
    this.records = records;
    this.directory = directory;
    this.voiding = voiding;
    this.audit = audit;
  }

  /** An allergy as typed: substance, optional reaction, severity and status. */
  public record AllergyInput(
      String substance,
      @Nullable String reaction,
      Allergy.Severity severity,
      Allergy.@Nullable Status status) {

    public Allergy.Status status() {
      return status == null ? Allergy.Status.ACTIVE : status;
    }
  }

  /** A medication as typed. */
  public record MedicationInput(
      String drug,
      @Nullable String dose,
      @Nullable String frequency,
      @Nullable LocalDate since,
      Medication.@Nullable Status status) {

    public Medication.Status status() {
      return status == null ? Medication.Status.ACTIVE : status;
    }
  }

  /** Records an allergy or a medication on the patient's chart. */
  @Transactional
  public <E extends SafetyEntry, I> E record(SafetyKind<E, I> kind, PatientId patient, I input) {
    directory.inUse(patient);
    requireText(kind.nameColumn(), kind.name(input), 200);
    return records.find(kind, records.insert(kind, patient, input)).orElseThrow();
  }

  @Transactional
  public Allergy recordAllergy(PatientId patient, AllergyInput allergy) {
    return record(SafetyKind.ALLERGIES, patient, allergy);
  }

  @Transactional
  public Medication recordMedication(PatientId patient, MedicationInput medication) {
    return record(SafetyKind.MEDICATIONS, patient, medication);
  }

  /**
   * Corrects an allergy or a medication (or changes its status); {@code version} is the one the
   * caller read.
   */
  @Transactional
  public <E extends SafetyEntry, I> E correct(
      SafetyKind<E, I> kind, UUID id, I input, int version) {
    voiding.patientOf(Voiding.Entry.of(kind.section()), id);
    requireText(kind.nameColumn(), kind.name(input), 200);
    if (!records.update(kind, id, input, version)) {
      throw new OptimisticLockingFailureException(kind.section() + " " + id + " changed");
    }
    return records.find(kind, id).orElseThrow();
  }

  /** Voids an allergy or a medication entered in error, with the reason. */
  @Transactional
  public void voidEntry(SafetyKind<?, ?> kind, UUID id, String reason) {
    voidEntry(kind, id, reason, null);
  }

  /**
   * Voids an entry if it is still at version {@code expected} (412 otherwise; null expects none),
   * checked under the row's lock.
   */
  @Transactional
  public void voidEntry(
      SafetyKind<?, ?> kind,
      UUID id,
      String reason,
      @org.jspecify.annotations.Nullable Integer expected) {
    var entry = Voiding.Entry.of(kind.section());
    if (expected != null) {
      io.carebook.shared.web.ETags.expect(expected, voiding.lockedVersion(entry, id));
    }
    voiding.voidEntry(entry, id, reason);
  }

  /** The allergies or medications in use, in the kind's order. */
  @Transactional(readOnly = true)
  public <E extends SafetyEntry> List<E> list(SafetyKind<E, ?> kind, PatientId patient) {
    return records.list(kind, patient);
  }

  @Transactional(readOnly = true)
  public List<Allergy> allergies(PatientId patient) {
    return list(SafetyKind.ALLERGIES, patient);
  }

  @Transactional(readOnly = true)
  public List<Medication> medications(PatientId patient) {
    return list(SafetyKind.MEDICATIONS, patient);
  }

  /** The list as a reader is shown it: the read and its access-log entry commit together. */
  @Transactional
  public <E extends SafetyEntry> List<E> show(SafetyKind<E, ?> kind, PatientId patient) {
    audit.viewed(kind.table(), patient.toString(), patient.value());
    return records.list(kind, patient);
  }

  /**
   * What a prescriber must see before prescribing {@code drug} to {@code patient}: each active
   * allergy to the same substance, and each current medication of the same drug (names matched as
   * {@link PersonName} matches names, strengths and forms aside). Empty when there is nothing to
   * warn about.
   */
  @Transactional(readOnly = true)
  public List<SafetyWarning> checkPrescription(PatientId patient, String drug) {
    directory.get(patient);
    var warnings = new ArrayList<SafetyWarning>();
    for (var allergy : records.list(SafetyKind.ALLERGIES, patient)) {
      if (allergy.isActive() && DrugNames.sameSubstance(allergy.substance(), drug)) {
        warnings.add(
            new SafetyWarning(
                SafetyWarning.Kind.ALLERGY,
                allergy.id(),
                allergy.substance(),
                allergy.severity(),
                allergy.reaction()));
      }
    }
    for (var medication : records.list(SafetyKind.MEDICATIONS, patient)) {
      if (medication.isCurrent() && DrugNames.sameSubstance(medication.drug(), drug)) {
        warnings.add(
            new SafetyWarning(
                SafetyWarning.Kind.DUPLICATE_MEDICATION,
                medication.id(),
                medication.drug(),
                null,
                null));
      }
    }
    return List.copyOf(warnings);
  }

  /**
   * Records that the current member saw {@code warnings} and went on to prescribe {@code drug}
   * anyway, with their reason: one audit entry per warning (action {@code
   * SAFETY_WARNING_ACKNOWLEDGED}), naming the patient, the allergy or medication and the drug.
   */
  @Transactional
  public void acknowledge(
      PatientId patient, String drug, List<SafetyWarning> warnings, @Nullable String reason) {
    directory.get(patient);
    requireText("drug", drug, 200);
    for (var warning : warnings) {
      var table =
          warning.kind() == SafetyWarning.Kind.ALLERGY
              ? "patient_allergies"
              : "patient_medications";
      var detail =
          warning.describe()
              + "; prescribing "
              + drug.trim()
              + (reason == null || reason.isBlank() ? "" : "; reason: " + reason.trim());
      audit.safetyWarningAcknowledged(
          table, warning.recordId().toString(), patient.value(), detail);
    }
  }

  static void requireText(String field, @Nullable String text, int max) {
    if (text == null || text.isBlank()) {
      throw ProblemException.invalid(field, "is required");
    }
    if (text.trim().length() > max) {
      throw ProblemException.invalid(field, "must be at most " + max + " characters");
    }
  }

  // fhir: reading one allergy by its id

  /** An allergy in use (not voided) by its id; another organization's is not found. */
  @Transactional(readOnly = true)
  public java.util.Optional<Allergy> allergy(UUID id) {
    return records.find(SafetyKind.ALLERGIES, id);
  }
}
