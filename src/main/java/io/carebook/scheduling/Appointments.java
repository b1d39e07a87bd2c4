package io.carebook.scheduling;

import io.carebook.shared.ClinicId;
import io.carebook.shared.UserId;
import io.carebook.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The appointments of the current organization. */
@Repository
class Appointments {

  private final JdbcClient jdbc;

  Appointments(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Appointment appointment, UUID busy, int seat) {
    jdbc.sql(
            """
            insert into appointments (tenant_id, id, clinic_id, doctor_id, patient_id, service_type,
              starts_at, ends_at, status, busy_id, seat, source)
            values (?, ?, ?, ?, ?, ?, ?, ?, 'BOOKED', ?, ?, ?)""")
        .params(
            TenantContext.tenant().value(),
            appointment.id(),
            appointment.clinicId().value(),
            appointment.doctorId().value(),
            appointment.patientId(),
            appointment.serviceType(),
            Timestamp.from(appointment.startsAt()),
            Timestamp.from(appointment.endsAt()),
            busy,
            seat,
            appointment.source())
        .update();
  }

  /**
   * Holds [{@code holdFrom}, {@code holdTo}) of the doctor's busy time on {@code seat} and inserts
   * the appointment on that hold, in one statement; false, and nothing written, when the busy
   * time's exclusion constraints refuse the seat.
   */
  boolean insertHeld(Appointment appointment, Instant holdFrom, Instant holdTo, int seat) {
    return jdbc.sql(
                """
                with hold as (
                  insert into practitioner_busy (id, user_id, clinic_id, period, seat, kind)
                  values (:busy, :doctor, :clinic, tstzrange(:holdFrom, :holdTo), :seat,
                          'APPOINTMENT')
                  on conflict do nothing
                  returning id, seat)
                insert into appointments (tenant_id, id, clinic_id, doctor_id, patient_id,
                  service_type, starts_at, ends_at, status, busy_id, seat, source)
                select :tenant, :id, :clinic, :doctor, :patient, :service, :startsAt, :endsAt,
                  'BOOKED', hold.id, hold.seat, :source
                from hold""")
            .param("busy", UUID.randomUUID())
            .param("doctor", appointment.doctorId().value())
            .param("clinic", appointment.clinicId().value())
            .param("holdFrom", Timestamp.from(holdFrom))
            .param("holdTo", Timestamp.from(holdTo))
            .param("seat", seat)
            .param("tenant", TenantContext.tenant().value())
            .param("id", appointment.id())
            .param("patient", appointment.patientId())
            .param("service", appointment.serviceType())
            .param("startsAt", Timestamp.from(appointment.startsAt()))
            .param("endsAt", Timestamp.from(appointment.endsAt()))
            .param("source", appointment.source())
            .update()
        == 1;
  }

  /** The appointment just booked is for another patient (the duplicate rule found them). */
  void changePatient(UUID id, UUID patient) {
    jdbc.sql("update appointments set patient_id = ? where id = ?").params(patient, id).update();
  }

  Optional<Appointment> find(UUID id) {
    return jdbc.sql("select * from appointments where id = ?")
        .param(id)
        .query(Appointments::row)
        .optional();
  }

  @Nullable UUID busyOf(UUID id) {
    return jdbc.sql("select busy_id from appointments where id = ?")
        .param(id)
        .query((rs, n) -> rs.getObject(1, UUID.class))
        .optional()
        .orElse(null);
  }

  void cancel(UUID id, String reason) {
    jdbc.sql(
            "update appointments set status = 'CANCELLED', cancel_reason = ?, busy_id = null,"
                + " version = version + 1 where id = ?")
        .params(reason, id)
        .update();
  }

  void move(UUID id, Instant starts, Instant ends, UUID busy, int seat) {
    jdbc.sql(
            "update appointments set starts_at = ?, ends_at = ?, busy_id = ?, seat = ?,"
                + " version = version + 1 where id = ?")
        .params(Timestamp.from(starts), Timestamp.from(ends), busy, seat, id)
        .update();
  }

  void status(UUID id, AppointmentStatus status) {
    jdbc.sql("update appointments set status = ?, version = version + 1 where id = ?")
        .params(status.name(), id)
        .update();
  }

  /** Appointments of a clinic (and one doctor, when given) that start in [from, to). */
  List<Appointment> between(ClinicId clinic, @Nullable UserId doctor, Instant from, Instant to) {
    return jdbc.sql(
            """
            select * from appointments where clinic_id = ?
              and (cast(? as uuid) is null or doctor_id = cast(? as uuid))
              and starts_at >= ? and starts_at < ?
            order by starts_at, id""")
        .params(
            clinic.value(),
            doctor == null ? null : doctor.value(),
            doctor == null ? null : doctor.value(),
            Timestamp.from(from),
            Timestamp.from(to))
        .query(Appointments::row)
        .list();
  }

  /**
   * Appointments of the organization matching every filter given (null: any), by start then id, at
   * most {@code limit} (the FHIR facade's search).
   */
  List<Appointment> matching(Scheduling.AppointmentFilter filter, int limit) {
    return matching(filter, null, null, limit);
  }

  /**
   * As {@link #matching(Scheduling.AppointmentFilter, int)}, after the key (start, id) of the last
   * one a page had: keyset paging for the FHIR facade's search.
   */
  List<Appointment> matching(
      Scheduling.AppointmentFilter filter,
      @Nullable Instant afterStart,
      @Nullable UUID afterId,
      int limit) {
    return jdbc.sql(
            """
            select * from appointments
            where (cast(? as uuid) is null or patient_id = cast(? as uuid))
              and (cast(? as uuid) is null or doctor_id = cast(? as uuid))
              and (cast(? as uuid) is null or clinic_id = cast(? as uuid))
              and (cast(? as timestamptz) is null or starts_at >= cast(? as timestamptz))
              and (cast(? as timestamptz) is null or starts_at < cast(? as timestamptz))
              and (cast(? as text) is null or status = cast(? as text))
              and (cast(? as timestamptz) is null or starts_at >= cast(? as timestamptz)
                   and (starts_at, id) > (cast(? as timestamptz), cast(? as uuid)))
            order by starts_at, id limit ?""")
        .params(
            filter.patient(),
            filter.patient(),
            filter.doctor() == null ? null : filter.doctor().value(),
            filter.doctor() == null ? null : filter.doctor().value(),
            filter.clinic() == null ? null : filter.clinic().value(),
            filter.clinic() == null ? null : filter.clinic().value(),
            timestamp(filter.from()),
            timestamp(filter.from()),
            timestamp(filter.to()),
            timestamp(filter.to()),
            filter.status() == null ? null : filter.status().name(),
            filter.status() == null ? null : filter.status().name(),
            timestamp(afterStart),
            timestamp(afterStart),
            timestamp(afterStart),
            afterId,
            limit)
        .query(Appointments::row)
        .list();
  }

  private static @Nullable Timestamp timestamp(@Nullable Instant at) {
    return at == null ? null : Timestamp.from(at);
  }

  /** How many live appointments a doctor has at a clinic in [from, to). */
  int countLive(ClinicId clinic, UserId doctor, Instant from, Instant to) {
    return jdbc.sql(
            """
            select count(*) from appointments where clinic_id = ? and doctor_id = ?
              and status in ('BOOKED', 'ARRIVED', 'FULFILLED') and starts_at >= ? and starts_at < ?""")
        .params(clinic.value(), doctor.value(), Timestamp.from(from), Timestamp.from(to))
        .query(Integer.class)
        .single();
  }

  private static Appointment row(ResultSet rs, int n) throws SQLException {
    return new Appointment(
        rs.getObject("id", UUID.class),
        new ClinicId(rs.getObject("clinic_id", UUID.class)),
        new UserId(rs.getObject("doctor_id", UUID.class)),
        rs.getObject("patient_id", UUID.class),
        rs.getString("service_type"),
        rs.getTimestamp("starts_at").toInstant(),
        rs.getTimestamp("ends_at").toInstant(),
        AppointmentStatus.valueOf(rs.getString("status")),
        rs.getString("source"),
        rs.getString("cancel_reason"),
        rs.getInt("version"),
        rs.getTimestamp("confirmed_at") == null
            ? null
            : rs.getTimestamp("confirmed_at").toInstant());
  }

  /** Records that the patient will come; false if it is no longer booked. */
  boolean confirm(UUID id, Instant at) {
    return jdbc.sql(
                """
                update appointments set confirmed_at = coalesce(confirmed_at, ?)
                where id = ? and status = 'BOOKED'""")
            .params(Timestamp.from(at), id)
            .update()
        == 1;
  }

  /**
   * How many appointments (not cancelled) a clinic has between two instants, counted up to {@code
   * cap} at most, so the count costs no more than the plan's limit is large.
   */
  long countBetween(ClinicId clinic, Instant from, Instant to, long cap) {
    return jdbc.sql(
            """
            select count(*) from (
              select 1 from appointments
               where clinic_id = ? and starts_at >= ? and starts_at < ? and status <> 'CANCELLED'
               limit ?) booked""")
        .params(clinic.value(), java.sql.Timestamp.from(from), java.sql.Timestamp.from(to), cap)
        .query(Long.class)
        .single();
  }

  // paging: a keyset page of the list above

  /**
   * As {@link #between}, only the appointments after {@code (afterAt, afterId)} in its order
   * (start, then id), at most {@code limit}: a keyset page read through the clinic's (or the
   * doctor's) index on start, sorted further by id only among appointments starting at the same
   * instant.
   */
  List<Appointment> between(
      ClinicId clinic,
      @Nullable UserId doctor,
      Instant from,
      Instant to,
      Instant afterAt,
      UUID afterId,
      int limit) {
    var start = afterAt.isAfter(from) ? afterAt : from;
    return jdbc.sql(
            "select * from appointments where clinic_id = ?"
                + (doctor == null ? "" : " and doctor_id = ?")
                + """
                 and starts_at >= ? and starts_at < ? and (starts_at, id) > (?, ?)
                order by starts_at, id limit ?""")
        .params(
            doctor == null
                ? List.of(
                    clinic.value(),
                    Timestamp.from(start),
                    Timestamp.from(to),
                    Timestamp.from(afterAt),
                    afterId,
                    limit)
                : List.of(
                    clinic.value(),
                    doctor.value(),
                    Timestamp.from(start),
                    Timestamp.from(to),
                    Timestamp.from(afterAt),
                    afterId,
                    limit))
        .query(Appointments::row)
        .list();
  }
}
