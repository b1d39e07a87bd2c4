package io.carebook.scheduling;

import io.carebook.shared.ClinicId;
import io.carebook.tenancy.FutureAppointments;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tells clinic settings how many appointments a change of the clinic's time zone affects. */
@Component
class AppointmentsToCome implements FutureAppointments {

  private final JdbcClient jdbc;

  AppointmentsToCome(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public long countFrom(ClinicId clinic, Instant from) {
    return jdbc.sql(
            """
            select count(*) from appointments
             where clinic_id = ? and starts_at >= ? and status in ('BOOKED', 'ARRIVED')""")
        .params(clinic.value(), Timestamp.from(from))
        .query(Long.class)
        .single();
  }
}
