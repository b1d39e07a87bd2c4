package io.carebook.scheduling;

import io.carebook.shared.ClinicId;
import io.carebook.shared.UserId;
import io.carebook.tenancy.TenantContext;
import java.sql.Date;
import java.sql.Time;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Doctors' recurring hours and their dated exceptions. */
@Repository
class Hours {

  private final JdbcClient jdbc;

  Hours(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A dated exception: extra hours, a day's hours replaced, or a day off. */
  record Override(LocalDate day, String kind, LocalTime starts, LocalTime ends) {}

  List<WeeklyHours> weekly(ClinicId clinic, UserId doctor) {
    return jdbc.sql(
            "select weekday, starts, ends from weekly_hours where clinic_id = ? and doctor_id = ?"
                + " order by weekday, starts")
        .params(clinic.value(), doctor.value())
        .query(
            (rs, n) ->
                new WeeklyHours(
                    DayOfWeek.of(rs.getInt(1)),
                    rs.getTime(2).toLocalTime(),
                    rs.getTime(3).toLocalTime()))
        .list();
  }

  /** The version of the doctor's hours at the clinic (weekly and exceptions): 0 before any. */
  int version(ClinicId clinic, UserId doctor) {
    return jdbc.sql("select version from doctor_schedules where clinic_id = ? and doctor_id = ?")
        .params(clinic.value(), doctor.value())
        .query(Integer.class)
        .optional()
        .orElse(0);
  }

  /**
   * Moves the doctor's hours at the clinic to their next version, the row locked until the change
   * commits; answers the version they were at.
   */
  int bump(ClinicId clinic, UserId doctor) {
    return jdbc.sql(
                """
                insert into doctor_schedules (tenant_id, clinic_id, doctor_id) values (?, ?, ?)
                on conflict (tenant_id, clinic_id, doctor_id)
                do update set version = doctor_schedules.version + 1
                returning version""")
            .params(TenantContext.tenant().value(), clinic.value(), doctor.value())
            .query(Integer.class)
            .single()
        - 1;
  }

  void replaceWeekly(ClinicId clinic, UserId doctor, Collection<WeeklyHours> hours) {
    jdbc.sql("delete from weekly_hours where clinic_id = ? and doctor_id = ?")
        .params(clinic.value(), doctor.value())
        .update();
    for (var range : hours) {
      jdbc.sql(
              "insert into weekly_hours (tenant_id, id, clinic_id, doctor_id, weekday, starts, ends)"
                  + " values (?, ?, ?, ?, ?, ?, ?)")
          .params(
              TenantContext.tenant().value(),
              UUID.randomUUID(),
              clinic.value(),
              doctor.value(),
              range.day().getValue(),
              Time.valueOf(range.starts()),
              Time.valueOf(range.ends()))
          .update();
    }
  }

  List<Override> overrides(ClinicId clinic, UserId doctor, LocalDate from, LocalDate to) {
    return jdbc.sql(
            "select day, kind, starts, ends from hours_overrides where clinic_id = ?"
                + " and doctor_id = ? and day between ? and ?")
        .params(clinic.value(), doctor.value(), Date.valueOf(from), Date.valueOf(to))
        .query(
            (rs, n) ->
                new Override(
                    rs.getDate(1).toLocalDate(),
                    rs.getString(2),
                    rs.getTime(3) == null ? null : rs.getTime(3).toLocalTime(),
                    rs.getTime(4) == null ? null : rs.getTime(4).toLocalTime()))
        .list();
  }

  void addOverride(ClinicId clinic, UserId doctor, Override override) {
    jdbc.sql(
            "insert into hours_overrides (tenant_id, id, clinic_id, doctor_id, day, kind, starts,"
                + " ends) values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            TenantContext.tenant().value(),
            UUID.randomUUID(),
            clinic.value(),
            doctor.value(),
            Date.valueOf(override.day()),
            override.kind(),
            override.starts() == null ? null : Time.valueOf(override.starts()),
            override.ends() == null ? null : Time.valueOf(override.ends()))
        .update();
  }

  /** The day's working ranges: the weekly ones, unless an exception replaces or adds to them. */
  static List<LocalTime[]> workingRanges(
      LocalDate day, List<WeeklyHours> weekly, List<Override> overrides) {
    var ranges = new ArrayList<LocalTime[]>();
    var todays = overrides.stream().filter(o -> o.day().equals(day)).toList();
    if (todays.stream().anyMatch(o -> o.kind().equals("OFF"))) {
      return ranges;
    }
    var replaced = todays.stream().anyMatch(o -> o.kind().equals("REPLACE"));
    if (!replaced) {
      weekly.stream()
          .filter(h -> h.day() == day.getDayOfWeek())
          .forEach(h -> ranges.add(new LocalTime[] {h.starts(), h.ends()}));
    }
    todays.stream()
        .filter(o -> !o.kind().equals("OFF"))
        .forEach(o -> ranges.add(new LocalTime[] {o.starts(), o.ends()}));
    return ranges;
  }
}
