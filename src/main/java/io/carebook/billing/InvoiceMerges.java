package io.carebook.billing;

import io.carebook.patients.PatientsMerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Draft invoices of a merged duplicate move to the surviving patient, in the merge's own
 * transaction. Issued and void invoices stay as issued, to the record they named (which now points
 * at the survivor): an issued invoice never changes.
 */
@Component
class InvoiceMerges {

  private final JdbcClient jdbc;

  InvoiceMerges(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @EventListener
  void on(PatientsMerged event) {
    jdbc.sql("update invoices set patient_id = ? where patient_id = ? and status = 'DRAFT'")
        .params(event.survivor().value(), event.duplicate().value())
        .update();
  }
}
