package io.carebook.patients;

import io.carebook.patients.Patient.PatientId;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.ProblemException;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Voids an entry of a chart: it stays, with the reason, the person and the time, and leaves the
 * chart. Clinical records are never deleted.
 */
@Component
class Voiding {

  /** The chart's tables whose rows are voided (their names are SQL; nothing else is). */
  enum Entry {
    ALLERGY("patient_allergies"),
    MEDICATION("patient_medications"),
    IDENTIFIER("patient_identifiers"),
    CONTACT("patient_contacts"),
    CONSENT("patient_consents"),
    GUARDIAN("patient_guardians"),
    DOCUMENT("patient_documents");

    final String table;

    Entry(String table) {
      this.table = table;
    }
  }

  private final JdbcClient jdbc;

  Voiding(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The patient whose chart holds an entry in use; not found otherwise (or elsewhere). */
  PatientId patientOf(Entry entry, UUID id) {
    return jdbc.sql("select patient_id from " + entry.table + " where id = ? and voided_at is null")
        .param(id)
        .query((rs, n) -> new PatientId(rs.getObject(1, UUID.class)))
        .optional()
        .orElseThrow(() -> new NotFoundException("Entry"));
  }

  void voidEntry(Entry entry, UUID id, String reason) {
    var why = reason == null ? "" : reason.trim();
    if (why.isEmpty() || why.length() > 500) {
      throw ProblemException.invalid("reason", "is required, at most 500 characters");
    }
    var voided =
        jdbc.sql(
                "update "
                    + entry.table
                    + " set voided_at = now(), voided_by = ?, void_reason = ?"
                    + " where id = ? and voided_at is null")
            .params(Patients.actor(), why, id)
            .update();
    if (voided != 1) {
      throw new NotFoundException("Entry");
    }
  }
}
