package io.carebook.scheduling;

import io.carebook.shared.ClinicId;
import io.carebook.shared.UserId;
import io.carebook.shared.web.Keyset;
import io.carebook.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
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

  /**
   * The organization's appointments matching every filter given (null: any), by start then id;
   * after {@code after}'s key (start, id) when given, and at most {@code limit} when given: the one
   * reader of appointment lists, whole (a calendar's week) or a keyset page (the API's list, the
   * FHIR facade's search). Only the filters given are written into the query, so that each shape
   * reads through the index on start of its clinic, doctor or patient and sorts further by id only
   * among appointments starting at the same instant (KeysetPlansTests EXPLAINs them).
   */
  List<Appointment> matching(
      Scheduling.AppointmentFilter filter, @Nullable Keyset after, @Nullable Integer limit) {
    var where = new ArrayList<String>();
    var params = new ArrayList<Object>();
    given(where, params, "clinic_id = ?", filter.clinic() == null ? null : filter.clinic().value());
    given(where, params, "doctor_id = ?", filter.doctor() == null ? null : filter.doctor().value());
    given(where, params, "patient_id = ?", filter.patient());
    given(where, params, "starts_at >= ?", timestamp(lowerBound(filter.from(), after)));
    given(where, params, "starts_at < ?", timestamp(filter.to()));
    given(where, params, "status = ?", filter.status() == null ? null : filter.status().name());
    if (after != null) {
      where.add("(starts_at, id) > (?, ?)");
      params.add(after.timestamp());
      params.add(after.id());
    }
    var sql =
        "select * from appointments"
            + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
            + " order by starts_at, id"
            + (limit == null ? "" : " limit ?");
    if (limit != null) {
      params.add(limit);
    }
    return jdbc.sql(sql).params(params).query(Appointments::row).list();
  }

  /** A condition of {@link #matching}, written only when its value is given. */
  private static void given(
      List<String> where, List<Object> params, String condition, @Nullable Object value) {
    if (value != null) {
      where.add(condition);
      params.add(value);
    }
  }

  /**
   * Where a page's index range begins: the later of the filter's start and the cursor's, so that
   * the index scan starts at the cursor rather than filters every row before it.
   */
  private static @Nullable Instant lowerBound(@Nullable Instant from, @Nullable Keyset after) {
    if (after == null) {
      return from;
    }
    return from == null || after.at().isAfter(from) ? after.at() : from;
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
}
