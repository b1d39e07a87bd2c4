package io.carebook.frontdesk;

import io.carebook.shared.ClinicId;
import io.carebook.shared.VisitState;
import io.carebook.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The visits of the current organization and their history. */
@Repository
public class Visits {

  /** The queue order: priority (EMERGENCY, ELDERLY, FOLLOW_UP, NONE), then token. */
  static final String QUEUE_ORDER =
      """
      case priority when 'EMERGENCY' then 0 when 'ELDERLY' then 1 when 'FOLLOW_UP' then 2 else 3 end,
      token, created_at, id""";

  private final JdbcClient jdbc;

  Visits(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Visit visit) {
    jdbc.sql(
            """
            insert into visits (tenant_id, id, clinic_id, patient_id, doctor_id, appointment_id,
              token, token_day, priority, state, created_at, checked_in_by)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'WAITING', ?, ?)""")
        .params(
            TenantContext.tenant().value(),
            visit.id(),
            visit.clinicId().value(),
            visit.patientId(),
            visit.doctorId(),
            visit.appointmentId(),
            visit.token(),
            visit.tokenDay(),
            visit.priority().name(),
            Timestamp.from(visit.createdAt()),
            visit.checkedInBy())
        .update();
    history(visit.id(), null, VisitState.WAITING, visit.createdAt(), visit.checkedInBy());
  }

  Optional<Visit> find(UUID id) {
    return jdbc.sql("select * from visits where id = ?").param(id).query(Visits::row).optional();
  }

  /** The visit, its row locked until the transaction ends, so moves of one visit serialize. */
  Optional<Visit> lock(UUID id) {
    return jdbc.sql("select * from visits where id = ? for update")
        .param(id)
        .query(Visits::row)
        .optional();
  }

  boolean appointmentCheckedIn(UUID appointment) {
    return jdbc.sql("select exists (select 1 from visits where appointment_id = ?)")
        .param(appointment)
        .query(Boolean.class)
        .single();
  }

  /** Moves a visit from {@code from} to {@code to}; false if it was no longer in {@code from}. */
  boolean move(
      UUID id,
      VisitState from,
      VisitState to,
      Instant at,
      @Nullable UUID by,
      @Nullable String reason) {
    var prefix =
        switch (to) {
          case WITH_ASSISTANT -> "assistant";
          case WITH_DOCTOR -> "doctor";
          case DONE -> "done";
          case CANCELED -> "canceled";
          case NO_SHOW -> "no_show";
          default -> throw new IllegalArgumentException("no move to " + to);
        };
    var moved =
        jdbc.sql(
                "update visits set state = ?, "
                    + prefix
                    + "_at = ?, "
                    + prefix
                    + "_by = ?, cancel_reason = ?, version = version + 1"
                    + " where id = ? and state = ?")
            .params(to.name(), Timestamp.from(at), by, reason, id, from.name())
            .update();
    if (moved == 1) {
      history(id, from, to, at, by);
    }
    return moved == 1;
  }

  /** A clinic's visits of a day, in queue order; one doctor's when given; closed ones if asked. */
  public List<Visit> ofDay(
      ClinicId clinic, LocalDate day, @Nullable UUID doctor, boolean closedToo) {
    return jdbc.sql(
            """
            select * from visits where clinic_id = ? and token_day = ?
              and (cast(? as uuid) is null or doctor_id = cast(? as uuid))
              and (? or state in ('WAITING', 'WITH_ASSISTANT', 'WITH_DOCTOR'))
            order by
            """
                + QUEUE_ORDER)
        .params(clinic.value(), day, doctor, doctor, closedToo)
        .query(Visits::row)
        .list();
  }

  /**
   * Each doctor's usual consultation length at a clinic: the median, from called in to done, of
   * their consultations on the days from {@code from} until before {@code until}.
   */
  java.util.Map<UUID, java.time.Duration> usualConsultations(
      ClinicId clinic, LocalDate from, LocalDate until) {
    var usual = new java.util.HashMap<UUID, java.time.Duration>();
    jdbc.sql(
            """
            select doctor_id,
                   percentile_cont(0.5) within group (order by extract(epoch from done_at - doctor_at))
                     as seconds
            from visits
            where clinic_id = ? and token_day >= ? and token_day < ? and state = 'DONE'
              and doctor_id is not null and doctor_at is not null and done_at > doctor_at
            group by doctor_id""")
        .params(clinic.value(), from, until)
        .query(
            rs -> {
              usual.put(
                  rs.getObject("doctor_id", UUID.class),
                  java.time.Duration.ofMillis(Math.round(rs.getDouble("seconds") * 1000)));
            });
    return usual;
  }

  /** Per day of a clinic, from {@code from} to {@code to} inclusive: how the visits ended. */
  List<FrontDesk.DayCount> countsByDay(ClinicId clinic, LocalDate from, LocalDate to) {
    return jdbc.sql(
            """
            select token_day, count(*) filter (where state = 'DONE') as done,
                   count(*) filter (where state = 'NO_SHOW') as no_shows,
                   count(*) filter (where state = 'DONE' and appointment_id is null) as walk_ins,
                   coalesce(avg(extract(epoch from done_at - doctor_at) / 60)
                              filter (where state = 'DONE' and doctor_at is not null), 0)
                     as consult_minutes
            from visits where clinic_id = ? and token_day between ? and ?
            group by token_day order by token_day""")
        .params(clinic.value(), from, to)
        .query(
            (rs, n) ->
                new FrontDesk.DayCount(
                    rs.getObject("token_day", LocalDate.class),
                    rs.getInt("done"),
                    rs.getInt("no_shows"),
                    rs.getInt("walk_ins"),
                    rs.getDouble("consult_minutes")))
        .list();
  }

  /** A patient's visits at every clinic of the organization, newest first. */
  List<Visit> ofPatient(UUID patient, int limit) {
    return jdbc.sql(
            "select * from visits where patient_id = ? order by created_at desc, id desc limit ?")
        .params(patient, limit)
        .query(Visits::row)
        .list();
  }

  /**
   * A keyset page of {@link #ofPatient}: at most {@code limit} visits checked in before {@code
   * (afterAt, afterId)}, newest first, read through the index of a patient's visits.
   */
  List<Visit> ofPatient(UUID patient, Instant afterAt, UUID afterId, int limit) {
    return jdbc.sql(
            """
            select * from visits where patient_id = ? and (created_at, id) < (?, ?)
            order by created_at desc, id desc limit ?""")
        .params(patient, Timestamp.from(afterAt), afterId, limit)
        .query(Visits::row)
        .list();
  }

  /**
   * The next visit a doctor should see — theirs or anyone's, in queue order, waiting or with the
   * assistant — its row locked; one that another doctor is calling at this instant is skipped.
   */
  Optional<Visit> lockNext(ClinicId clinic, LocalDate day, UUID doctor) {
    return jdbc.sql(
            """
            select * from visits where clinic_id = ? and token_day = ?
              and state in ('WAITING', 'WITH_ASSISTANT') and (doctor_id = ? or doctor_id is null)
            order by
            """
                + QUEUE_ORDER
                + " limit 1 for update skip locked")
        .params(clinic.value(), day, doctor)
        .query(Visits::row)
        .optional();
  }

  /** Gives a visit for any doctor to {@code doctor}. */
  void assign(UUID visit, UUID doctor) {
    jdbc.sql("update visits set doctor_id = ? where id = ? and doctor_id is null")
        .params(doctor, visit)
        .update();
  }

  record Step(@Nullable VisitState from, VisitState to, Instant at, @Nullable UUID by) {}

  List<Step> history(UUID visit) {
    return jdbc.sql(
            "select * from visit_transitions where visit_id = ? order by at, to_state = 'WAITING' desc")
        .param(visit)
        .query(
            (rs, n) ->
                new Step(
                    rs.getString("from_state") == null
                        ? null
                        : VisitState.valueOf(rs.getString("from_state")),
                    VisitState.valueOf(rs.getString("to_state")),
                    rs.getTimestamp("at").toInstant(),
                    rs.getObject("by_user", UUID.class)))
        .list();
  }

  private void history(
      UUID visit, @Nullable VisitState from, VisitState to, Instant at, @Nullable UUID by) {
    jdbc.sql(
            """
            insert into visit_transitions (tenant_id, id, visit_id, from_state, to_state, at, by_user)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(
            TenantContext.tenant().value(),
            UUID.randomUUID(),
            visit,
            from == null ? null : from.name(),
            to.name(),
            Timestamp.from(at),
            by)
        .update();
  }

  // fhir: the FHIR facade's search of encounters by date

  /**
   * A clinic's visits of the days {@code firstDay} to {@code lastDay} whose time [arrival, end or
   * now) overlaps [from, to), in {@code states} (comma-separated names; null: any), by arrival then
   * id, after the key (arrival, id) a previous page ended with.
   */
  List<Visit> overlapping(
      ClinicId clinic,
      LocalDate firstDay,
      LocalDate lastDay,
      Instant from,
      Instant to,
      @Nullable String states,
      @Nullable Instant afterArrival,
      @Nullable UUID afterId,
      int limit) {
    return jdbc.sql(
            """
            select * from visits
            where clinic_id = ? and token_day between ? and ?
              and created_at < ? and coalesce(done_at, canceled_at, no_show_at, now()) > ?
              and (cast(? as text) is null or state = any(string_to_array(cast(? as text), ',')))
              and (cast(? as timestamptz) is null
                   or (created_at, id) > (cast(? as timestamptz), cast(? as uuid)))
            order by created_at, id limit ?""")
        .params(
            clinic.value(),
            firstDay,
            lastDay,
            Timestamp.from(to),
            Timestamp.from(from),
            states,
            states,
            afterArrival == null ? null : Timestamp.from(afterArrival),
            afterArrival == null ? null : Timestamp.from(afterArrival),
            afterId,
            limit)
        .query(Visits::row)
        .list();
  }

  private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    var t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static Visit row(ResultSet rs, int n) throws SQLException {
    return new Visit(
        rs.getObject("id", UUID.class),
        new ClinicId(rs.getObject("clinic_id", UUID.class)),
        rs.getObject("patient_id", UUID.class),
        rs.getObject("doctor_id", UUID.class),
        rs.getObject("appointment_id", UUID.class),
        rs.getInt("token"),
        rs.getObject("token_day", LocalDate.class),
        Priority.valueOf(rs.getString("priority")),
        VisitState.valueOf(rs.getString("state")),
        rs.getString("cancel_reason"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getObject("checked_in_by", UUID.class),
        instant(rs, "assistant_at"),
        instant(rs, "doctor_at"),
        instant(rs, "done_at"),
        instant(rs, "canceled_at"),
        instant(rs, "no_show_at"),
        rs.getInt("version"));
  }
}
