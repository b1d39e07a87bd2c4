package io.carebook.patients;

import io.carebook.audit.AuditTrail;
import io.carebook.patients.Patient.PatientId;
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

  @Transactional
  public Allergy recordAllergy(PatientId patient, AllergyInput allergy) {
    directory.inUse(patient);
    requireText("substance", allergy.substance(), 200);
    return records.allergy(records.insertAllergy(patient, allergy)).orElseThrow();
  }

  /** Corrects an allergy (or changes its status); {@code version} is the one the caller read. */
  @Transactional
  public Allergy correctAllergy(UUID id, AllergyInput allergy, int version) {
    voiding.patientOf(Voiding.Entry.ALLERGY, id);
    requireText("substance", allergy.substance(), 200);
    if (!records.updateAllergy(id, allergy, version)) {
      throw new OptimisticLockingFailureException("allergy " + id + " changed");
    }
    return records.allergy(id).orElseThrow();
  }

  @Transactional
  public Medication recordMedication(PatientId patient, MedicationInput medication) {
    directory.inUse(patient);
    requireText("drug", medication.drug(), 200);
    return records.medication(records.insertMedication(patient, medication)).orElseThrow();
  }

  @Transactional
  public Medication correctMedication(UUID id, MedicationInput medication, int version) {
    voiding.patientOf(Voiding.Entry.MEDICATION, id);
    requireText("drug", medication.drug(), 200);
    if (!records.updateMedication(id, medication, version)) {
      throw new OptimisticLockingFailureException("medication " + id + " changed");
    }
    return records.medication(id).orElseThrow();
  }

  @Transactional
  public void voidAllergy(UUID id, String reason) {
    voiding.voidEntry(Voiding.Entry.ALLERGY, id, reason);
  }

  @Transactional
  public void voidMedication(UUID id, String reason) {
    voiding.voidEntry(Voiding.Entry.MEDICATION, id, reason);
  }

  @Transactional(readOnly = true)
  public List<Allergy> allergies(PatientId patient) {
    return records.allergies(patient);
  }

  @Transactional(readOnly = true)
  public List<Medication> medications(PatientId patient) {
    return records.medications(patient);
  }

  /** The allergies as a reader is shown them: the read and its access-log entry commit together. */
  @Transactional
  public List<Allergy> showAllergies(PatientId patient) {
    audit.viewed("patient_allergies", patient.toString(), patient.value());
    return records.allergies(patient);
  }

  /** The medications as a reader is shown them, logged like {@link #showAllergies}. */
  @Transactional
  public List<Medication> showMedications(PatientId patient) {
    audit.viewed("patient_medications", patient.toString(), patient.value());
    return records.medications(patient);
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
    for (var allergy : records.allergies(patient)) {
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
    for (var medication : records.medications(patient)) {
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
}
