package io.carebook.conversations.bot;

import io.carebook.patients.PatientsMerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A merged duplicate's conversations move to the surviving patient, in the merge's own transaction,
 * like every module's rows of that patient.
 */
@Component
class ConversationMerges {

  private final JdbcClient jdbc;

  ConversationMerges(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @EventListener
  void on(PatientsMerged event) {
    jdbc.sql("update conversations set patient_id = ? where patient_id = ?")
        .params(event.survivor().value(), event.duplicate().value())
        .update();
  }
}
