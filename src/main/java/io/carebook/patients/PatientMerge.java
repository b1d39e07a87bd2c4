package io.carebook.patients;

import io.carebook.patients.Patient.PatientId;
import io.carebook.patients.internal.RowValues;
import io.carebook.shared.ProblemException;
import io.carebook.tenancy.TenantContext;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merges a duplicate record into the one that survives, keeping all history: every entry of the
 * duplicate's chart (voided ones too) moves to the survivor, each move recorded by the audit trail;
 * entries that would repeat one the survivor has (the same identifier, the same guardian) are
 * voided instead; the survivor takes the details it lacks; and the duplicate itself is voided with
 * the reason and points at the survivor. Nothing is deleted but the duplicate's tags, which the
 * survivor takes over.
 */
@Service
public class PatientMerge {

  private static final String[] MOVED = {
    "patient_contacts",
    "patient_consents",
    "patient_allergies",
    "patient_medications",
    "patient_documents"
  };

  private final Patients patients;
  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  PatientMerge(Patients patients, JdbcClient jdbc, ApplicationEventPublisher events) {
    this.patients = patients;
    this.jdbc = jdbc;
    this.events = events;
  }

  /** Merges {@code duplicate} into {@code survivor}; returns the survivor as it now is. */
  @Transactional
  public Patient merge(PatientId survivor, PatientId duplicate, String reason) {
    PatientSafety.requireText("reason", reason, 400);
    if (survivor.equals(duplicate)) {
      throw ProblemException.invalid("duplicateId", "must be another patient");
    }
    var locked = patients.lock(survivor, duplicate);
    if (locked.size() != 2) {
      throw new io.carebook.shared.NotFoundException("Patient");
    }
    if (locked.stream().anyMatch(Patient::voidedRecord)) {
      throw new ProblemException(
          HttpStatus.CONFLICT, "patient-voided", "One of the records is already voided.");
    }
    var loser = locked.stream().filter(p -> p.id().equals(duplicate)).findFirst().orElseThrow();
    var why = "merged into " + survivor + ": " + reason.trim();
    moveIdentifiers(survivor.value(), duplicate.value(), why);
    moveGuardians(survivor.value(), duplicate.value(), why);
    for (var table : MOVED) {
      jdbc.sql("update " + table + " set patient_id = ? where patient_id = ?")
          .params(survivor.value(), duplicate.value())
          .update();
    }
    jdbc.sql(
            """
            insert into patient_tags (tenant_id, patient_id, tag)
            select tenant_id, ?, tag from patient_tags where patient_id = ?
            on conflict do nothing""")
        .params(survivor.value(), duplicate.value())
        .update();
    jdbc.sql("delete from patient_tags where patient_id = ?").param(duplicate.value()).update();
    // voided first, so that the survivor may take over what the duplicate rule ties to it
    patients.voidAsMerged(duplicate, survivor, why);
    patients.fillBlanks(survivor, loser);
    events.publishEvent(new PatientsMerged(TenantContext.tenant(), survivor, duplicate));
    return patients.find(survivor).orElseThrow();
  }

  private void moveIdentifiers(UUID survivor, UUID duplicate, String why) {
    jdbc.sql(
            """
            update patient_identifiers d set voided_at = now(), voided_by = ?, void_reason = ?
            where d.patient_id = ? and d.voided_at is null and exists (
              select 1 from patient_identifiers s where s.patient_id = ? and s.voided_at is null
                and s.kind = d.kind and s.value_hash = d.value_hash)""")
        .params(RowValues.actor(), why, duplicate, survivor)
        .update();
    jdbc.sql("update patient_identifiers set patient_id = ? where patient_id = ?")
        .params(survivor, duplicate)
        .update();
  }

  private void moveGuardians(UUID survivor, UUID duplicate, String why) {
    // links between the two, and links the survivor already has, would repeat or loop: voided
    jdbc.sql(
            """
            update patient_guardians g set voided_at = now(), voided_by = :by, void_reason = :why
            where g.voided_at is null and (
              (g.patient_id = :dup and g.guardian_id = :sur)
              or (g.guardian_id = :dup and g.patient_id = :sur)
              or (g.patient_id = :dup and exists (select 1 from patient_guardians o
                    where o.voided_at is null and o.patient_id = :sur
                      and o.guardian_id = g.guardian_id))
              or (g.guardian_id = :dup and exists (select 1 from patient_guardians o
                    where o.voided_at is null and o.guardian_id = :sur
                      and o.patient_id = g.patient_id)))""")
        .param("by", RowValues.actor())
        .param("why", why)
        .param("dup", duplicate)
        .param("sur", survivor)
        .update();
    jdbc.sql(
            "update patient_guardians set patient_id = ? where patient_id = ? and guardian_id <> ?")
        .params(survivor, duplicate, survivor)
        .update();
    jdbc.sql(
            "update patient_guardians set guardian_id = ? where guardian_id = ? and patient_id <> ?")
        .params(survivor, duplicate, survivor)
        .update();
  }
}
