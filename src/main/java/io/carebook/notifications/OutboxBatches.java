package io.carebook.notifications;

import io.carebook.tenancy.TenantContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox written in batches, for messages planned across appointments ({@link
 * AppointmentMessagePlanner}): many messages stored and their deliveries scheduled, or many
 * appointments' pending messages canceled, each in a fixed number of statements however many they
 * are. Like {@link Outbox#schedule}, a message is stored with its delivery, in the caller's
 * transaction.
 */
@Repository
class OutboxBatches {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;
  private final MessageTasks tasks;

  OutboxBatches(JdbcClient jdbc, MessageTasks tasks) {
    this.jdbc = jdbc;
    this.tasks = tasks;
  }

  /**
   * Stores outgoing messages of the active clinic and schedules their delivery, in two statements
   * however many they are (one insert, one batch of tasks): for messages planned in batches. They
   * carry no secret (those go one by one through {@link Outbox#schedule}).
   */
  void scheduleAll(List<NewMessage> messages) {
    if (messages.isEmpty()) {
      return;
    }
    var n = messages.size();
    var ids = new UUID[n];
    var due = new Timestamp[n];
    var patients = new UUID[n];
    var appointments = new UUID[n];
    var texts = new String[7][n];
    for (int i = 0; i < n; i++) {
      var m = messages.get(i);
      if (m.secret() != null) {
        throw new IllegalArgumentException("a message with a secret is stored alone");
      }
      ids[i] = UUID.randomUUID();
      due[i] = Timestamp.from(m.dueAt());
      patients[i] = m.patientId();
      appointments[i] = m.appointmentId();
      texts[0][i] = m.channel().name();
      texts[1][i] = m.recipient();
      texts[2][i] = m.kind().name();
      texts[3][i] = m.locale();
      texts[4][i] = m.subject();
      texts[5][i] = m.body();
      texts[6][i] = JSON.writeValueAsString(m.variables());
    }
    jdbc.sql(
            """
            insert into outbox_messages (tenant_id, id, clinic_id, channel, recipient, kind, locale,
                                         subject, body, due_at, patient_id, appointment_id,
                                         variables)
            select ?, m.id, ?, m.channel, m.recipient, m.kind, m.locale, m.subject, m.body,
                   m.due_at, m.patient_id, m.appointment_id, m.variables::jsonb
              from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                          ?::text[], ?::timestamptz[], ?::uuid[], ?::uuid[], ?::text[])
                   as m(id, channel, recipient, kind, locale, subject, body, due_at, patient_id,
                        appointment_id, variables)""")
        .params(
            TenantContext.tenant().value(),
            TenantContext.clinic().value(),
            ids,
            texts[0],
            texts[1],
            texts[2],
            texts[3],
            texts[4],
            texts[5],
            due,
            patients,
            appointments,
            texts[6])
        .update();
    var deliveries = new java.util.LinkedHashMap<UUID, Instant>();
    for (int i = 0; i < n; i++) {
      deliveries.put(ids[i], messages.get(i).dueAt());
    }
    tasks.scheduleAll(TenantContext.tenant(), deliveries);
  }

  /** Cancels the messages about any of {@code appointments} that have not gone out yet. */
  int cancelPending(java.util.Collection<UUID> appointments, String reason) {
    if (appointments.isEmpty()) {
      return 0;
    }
    return jdbc.sql(
            """
            update outbox_messages set status = 'CANCELED', last_error = ?, updated_at = now()
            where appointment_id = any(?) and status = 'SCHEDULED' and direction = 'OUT'""")
        .params(reason, appointments.toArray(UUID[]::new))
        .update();
  }
}
