package io.carebook.scheduling;

import io.carebook.tenancy.TenantContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A patient's appointments still to come at the active clinic ("when is my appointment?"), for the
 * AI agents' tools and anyone else who asks on a patient's behalf.
 */
@Service
public class PatientAppointments {

  private final JdbcClient jdbc;
  private final Appointments appointments;
  private final Clock clock;

  PatientAppointments(JdbcClient jdbc, Appointments appointments, Clock clock) {
    this.jdbc = jdbc;
    this.appointments = appointments;
    this.clock = clock;
  }

  /** The patient's booked appointments that have not ended yet, soonest first, at most limit. */
  @Transactional(readOnly = true)
  public List<Appointment> upcoming(UUID patient, int limit) {
    return jdbc
        .sql(
            """
            select id from appointments
             where clinic_id = ? and patient_id = ? and status = 'BOOKED' and ends_at > ?
             order by starts_at, id limit ?""")
        .params(
            TenantContext.clinic().value(),
            patient,
            Timestamp.from(clock.instant()),
            Math.clamp(limit, 1, 100))
        .query(UUID.class)
        .list()
        .stream()
        .map(id -> appointments.find(id).orElseThrow())
        .toList();
  }
}
