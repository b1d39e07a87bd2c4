package io.carebook.scheduling;

import io.carebook.shared.ClinicId;
import io.carebook.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The booking rules of the current organization's clinics. */
@Repository
class Rules {

  private final JdbcClient jdbc;

  Rules(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The rules for a service type, else the clinic's default, else the platform's defaults. */
  BookingRules of(ClinicId clinic, String serviceType) {
    return jdbc.sql(
            """
            select * from booking_rules where clinic_id = ? and service_type in (?, '')
            order by service_type desc limit 1""")
        .params(clinic.value(), serviceType)
        .query((rs, n) -> row(rs, serviceType))
        .optional()
        .orElse(BookingRules.defaults(serviceType));
  }

  /** The rules in a row that has the columns of {@code booking_rules}. */
  static BookingRules row(ResultSet rs, String serviceType) throws SQLException {
    return new BookingRules(
        serviceType,
        Duration.ofMinutes(rs.getInt("duration_minutes")),
        Duration.ofMinutes(rs.getInt("buffer_before")),
        Duration.ofMinutes(rs.getInt("buffer_after")),
        Duration.ofMinutes(rs.getInt("min_notice_minutes")),
        Duration.ofDays(rs.getInt("horizon_days")),
        Duration.ofMinutes(rs.getInt("alignment_minutes")),
        (Integer) rs.getObject("daily_cap"),
        rs.getInt("seats"));
  }

  void save(ClinicId clinic, BookingRules rules) {
    jdbc.sql(
            """
            insert into booking_rules (tenant_id, clinic_id, service_type, duration_minutes,
              buffer_before, buffer_after, min_notice_minutes, horizon_days, alignment_minutes,
              daily_cap, seats)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (tenant_id, clinic_id, service_type) do update set
              duration_minutes = excluded.duration_minutes, buffer_before = excluded.buffer_before,
              buffer_after = excluded.buffer_after, min_notice_minutes = excluded.min_notice_minutes,
              horizon_days = excluded.horizon_days, alignment_minutes = excluded.alignment_minutes,
              daily_cap = excluded.daily_cap, seats = excluded.seats""")
        .params(
            TenantContext.tenant().value(),
            clinic.value(),
            rules.serviceType(),
            (int) rules.duration().toMinutes(),
            (int) rules.bufferBefore().toMinutes(),
            (int) rules.bufferAfter().toMinutes(),
            (int) rules.minimumNotice().toMinutes(),
            (int) rules.horizon().toDays(),
            (int) rules.alignment().toMinutes(),
            rules.dailyCap(),
            rules.seats())
        .update();
  }
}
