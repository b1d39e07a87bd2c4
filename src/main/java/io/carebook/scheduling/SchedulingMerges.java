package io.carebook.scheduling;

import io.carebook.patients.PatientsMerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Appointments and waitlist entries of a merged duplicate move to the surviving patient, in the
 * merge's own transaction: the merge and the re-pointing commit together or not at all.
 */
@Component
class SchedulingMerges {

  private final JdbcClient jdbc;

  SchedulingMerges(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @EventListener
  void on(PatientsMerged event) {
    jdbc.sql("update appointments set patient_id = ? where patient_id = ?")
        .params(event.survivor().value(), event.duplicate().value())
        .update();
    jdbc.sql("update waitlist_entries set patient_id = ? where patient_id = ?")
        .params(event.survivor().value(), event.duplicate().value())
        .update();
  }
}
