package io.carebook.patients;

import io.carebook.patients.Patient.PatientId;
import io.carebook.patients.internal.RowValues;
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
    ALLERGY("patient_allergies", "allergies"),
    MEDICATION("patient_medications", "medications"),
    IDENTIFIER("patient_identifiers", "identifiers"),
    CONTACT("patient_contacts", "contacts"),
    CONSENT("patient_consents", "consents"),
    GUARDIAN("patient_guardians", "guardians"),
    DOCUMENT("patient_documents", "documents");

    final String table;

    /** The chart's section, as pages and paths name it. */
    final String section;

    Entry(String table, String section) {
      this.table = table;
      this.section = section;
    }

    /** The entry of a chart's section; not found for any other name. */
    static Entry of(String section) {
      for (var entry : values()) {
        if (entry.section.equals(section)) {
          return entry;
        }
      }
      throw new NotFoundException("Entry");
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

  /** The version of an entry in use (a table with versions), locked until the transaction ends. */
  int lockedVersion(Entry entry, UUID id) {
    return jdbc.sql(
            "select version from " + entry.table + " where id = ? and voided_at is null for update")
        .param(id)
        .query(Integer.class)
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
            .params(RowValues.actor(), why, id)
            .update();
    if (voided != 1) {
      throw new NotFoundException("Entry");
    }
  }
}
