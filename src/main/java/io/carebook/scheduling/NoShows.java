package io.carebook.scheduling;

import io.carebook.scheduling.AppointmentEvents.AppointmentMarkedNoShow;
import io.carebook.shared.AppointmentId;
import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.tenancy.TenantSweep;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Marks as no-show the appointments never checked in, the clinic's set delay after they ended (two
 * hours by default; a clinic may turn it off). Staff can mark one sooner.
 */
@Component
class NoShows {

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final TenantSweep sweep;

  NoShows(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, TenantSweep sweep) {
    this.jdbc = jdbc;
    this.events = events;
    this.clock = clock;
    this.sweep = sweep;
  }

  @Scheduled(
      fixedDelayString = "${carebook.no-show.sweep-interval:PT5M}",
      initialDelayString = "PT1M")
  void sweep() {
    var now = Timestamp.from(clock.instant());
    var due =
        jdbc.sql("select no_show_due_tenants(?)")
            .param(now)
            .query((rs, n) -> new TenantId(rs.getObject(1, UUID.class)))
            .list();
    sweep.each("No-shows", due, this::markIn);
  }

  int markIn(TenantId tenant) {
    var marked =
        jdbc.sql(
                """
            update appointments a set status = 'NOSHOW', version = a.version + 1
            from booking_rules r
            where a.status = 'BOOKED' and a.ends_at < :now
              and r.tenant_id = a.tenant_id and r.clinic_id = a.clinic_id
              and r.service_type = '' and r.no_show_after_minutes is not null
              and a.ends_at + make_interval(mins => r.no_show_after_minutes) < :now
            returning a.id, a.clinic_id, a.patient_id""")
            .param("now", Timestamp.from(clock.instant()))
            .query(
                (rs, n) ->
                    new AppointmentMarkedNoShow(
                        tenant,
                        new ClinicId(rs.getObject(2, UUID.class)),
                        new AppointmentId(rs.getObject(1, UUID.class)),
                        rs.getObject(3, UUID.class)))
            .list();
    marked.forEach(events::publishEvent);
    return marked.size();
  }
}
