package io.carebook.scheduling;

import io.carebook.scheduling.AppointmentEvents.AppointmentBooked;
import io.carebook.scheduling.AppointmentEvents.AppointmentCanceled;
import io.carebook.scheduling.AppointmentEvents.AppointmentRescheduled;
import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.shared.TenantScoped;
import io.carebook.shared.UserId;
import io.carebook.tenancy.TenantContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What patients are still to be told about their appointments: one narrow row per booking, move and
 * cancellation (V1020), written in the transaction that books, moves or cancels, so it commits with
 * the change or not at all and survives any crash after the commit. Notifications claims the rows
 * of a clinic in batches and plans their messages; the rows it claims are deleted with its
 * transaction, and come back if that transaction fails.
 *
 * <p>Written by plain {@code @EventListener}s, which run synchronously inside the publishing
 * transaction (like the merge listeners): every path that publishes {@link AppointmentBooked},
 * {@link AppointmentRescheduled} or {@link AppointmentCanceled} (staff, online, waitlist, agents)
 * writes its row without a line of its own.
 */
@Component
public class AppointmentFollowUps {

  /** What happened to the appointment. */
  public enum Kind {
    BOOKED,
    MOVED,
    CANCELED
  }

  /**
   * One change to tell the patient about: its appointment's clinic, doctor and current patient, the
   * start as of the change (the booked or new time, or the canceled one), and whether the patient
   * booked it online with a private link to manage it (then its confirmation and reminders go out
   * with that link, on {@link OnlineBooking.BookingConfirmed}).
   */
  public record FollowUp(
      long id,
      Kind kind,
      UUID appointmentId,
      ClinicId clinicId,
      UserId doctorId,
      UUID patientId,
      Instant startsAt,
      boolean bookedOnline) {}

  /** An organization's clinic that has rows waiting. */
  public record Due(TenantId tenantId, ClinicId clinicId) implements TenantScoped {}

  private final JdbcClient jdbc;
  private final String queue;

  /**
   * {@code queue}: whose planner plans the rows, one per deployment; configurable only so that
   * tests can run differently configured applications against one database (as notifications'
   * message task name is), each planning the bookings made through it.
   */
  AppointmentFollowUps(
      JdbcClient jdbc,
      @org.springframework.beans.factory.annotation.Value("${carebook.follow-ups.queue:default}")
          String queue) {
    this.jdbc = jdbc;
    this.queue = queue;
  }

  @EventListener
  void on(AppointmentBooked event) {
    write(event.clinicId(), event.appointmentId().value(), Kind.BOOKED, event.startsAt());
  }

  @EventListener
  void on(AppointmentRescheduled event) {
    write(event.clinicId(), event.appointmentId().value(), Kind.MOVED, event.startsAt());
  }

  @EventListener
  void on(AppointmentCanceled event) {
    write(event.clinicId(), event.appointmentId().value(), Kind.CANCELED, event.startsAt());
  }

  private void write(ClinicId clinic, UUID appointment, Kind kind, Instant startsAt) {
    jdbc.sql(
            """
            insert into appointment_followups (tenant_id, clinic_id, appointment_id, kind,
                                               starts_at, queue)
            values (?, ?, ?, ?, ?, ?)""")
        .params(
            TenantContext.tenant().value(),
            clinic.value(),
            appointment,
            kind.name(),
            Timestamp.from(startsAt),
            queue)
        .update();
  }

  /** The clinics, of any organization, that have rows waiting (read before entering them). */
  public List<Due> due() {
    return jdbc.sql("select tenant_id, clinic_id from appointment_followup_clinics(?)")
        .param(queue)
        .query(
            (rs, n) ->
                new Due(
                    new TenantId(rs.getObject(1, UUID.class)),
                    new ClinicId(rs.getObject(2, UUID.class))))
        .list();
  }

  /**
   * Claims up to {@code limit} of the active clinic's rows, oldest first, in one statement: those
   * another transaction holds are skipped, the claimed ones deleted. Must run in the caller's
   * transaction inside the clinic: the rows are gone once it commits, and back if it rolls back.
   */
  public List<FollowUp> claim(int limit) {
    return jdbc.sql(
            """
            with claimed as (
              delete from appointment_followups
               where id in (select id from appointment_followups
                             where clinic_id = ? and queue = ?
                             order by id limit ? for update skip locked)
              returning id, appointment_id, kind, starts_at)
            select c.id, c.kind, c.appointment_id, c.starts_at, a.clinic_id, a.doctor_id,
                   a.patient_id,
                   exists (select 1 from booking_requests r
                            where r.appointment_id = c.appointment_id
                              and r.manage_hash is not null) as online
              from claimed c join appointments a on a.id = c.appointment_id
             order by c.id""")
        .params(TenantContext.clinic().value(), queue, limit)
        .query(
            (rs, n) ->
                new FollowUp(
                    rs.getLong("id"),
                    Kind.valueOf(rs.getString("kind")),
                    rs.getObject("appointment_id", UUID.class),
                    new ClinicId(rs.getObject("clinic_id", UUID.class)),
                    new UserId(rs.getObject("doctor_id", UUID.class)),
                    rs.getObject("patient_id", UUID.class),
                    rs.getTimestamp("starts_at").toInstant(),
                    rs.getBoolean("online")))
        .list();
  }
}
