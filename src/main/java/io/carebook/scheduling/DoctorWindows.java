package io.carebook.scheduling;

import io.carebook.shared.ClinicId;
import io.carebook.shared.UserId;
import io.carebook.tenancy.Plan;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads a {@link DoctorWindow} in one statement. A booking used to spend a round trip on each of
 * these (clinic, membership, rules, hours, exceptions, busy time, the day's count), and the round
 * trips, not the reads, were most of its time. Nothing is cached: rules, hours and memberships
 * changed by anyone, on any instance, apply to the next request.
 *
 * <p>Membership is identity's table; it is read here, filtered to the one doctor, so that checking
 * "an active doctor of this clinic" costs no statement of its own.
 */
@Repository
class DoctorWindows {

  private static final String TEMPLATE =
      """
      select c.timezone,
        exists (select 1 from memberships m where m.clinic_id = c.id and m.user_id = {doctor}
                  and m.status = 'ACTIVE' and 'DOCTOR' = any (m.roles)) as active_doctor,
        r.clinic_id is not null as has_rules, r.duration_minutes, r.buffer_before, r.buffer_after,
        r.min_notice_minutes, r.horizon_days, r.alignment_minutes, r.daily_cap, r.seats,
        w.weekdays, w.starts, w.ends, o.days, o.kinds, o.starts, o.ends,
        b.clinics, b.lowers, b.uppers, k.days, k.counts,
        (:service = '' or coalesce(r.service_type = :service and not r.retired, false)) as offered,
        c.plan{roomColumns}{doctorColumn}
      from clinics c{doctors}
      left join lateral (
        select * from booking_rules where clinic_id = c.id and service_type in (:service, '')
        order by service_type desc limit 1) r on true
      cross join lateral (
        select array_agg(weekday order by weekday, starts) weekdays,
               array_agg(starts order by weekday, starts) starts,
               array_agg(ends order by weekday, starts) ends
        from weekly_hours where clinic_id = c.id and doctor_id = {doctor}) w
      cross join lateral (
        select array_agg(day) days, array_agg(kind) kinds, array_agg(starts) starts,
               array_agg(ends) ends
        from hours_overrides
        where clinic_id = c.id and doctor_id = {doctor} and day between :fromDay and :toDay) o
      cross join lateral (
        select array_agg(clinic_id order by lower(period)) clinics,
               -- epoch microseconds: decoding timestamps from text was a visible share of
               -- availability's time; numbers decode cheaply
               array_agg((extract(epoch from lower(period)) * 1000000)::bigint
                         order by lower(period)) lowers,
               array_agg((extract(epoch from upper(period)) * 1000000)::bigint
                         order by lower(period)) uppers
        from practitioner_busy
        where user_id = {doctor} and period && tstzrange(:busyFrom, :busyTo)
          -- another organization's clinic-only time off blocks nothing here
          and (not clinic_only or clinic_id = c.id)) b
      cross join lateral (
        select array_agg(day) days, array_agg(n) counts from (
          select (starts_at at time zone c.timezone)::date as day, count(*)::int as n
          from appointments
          where r.daily_cap is not null and clinic_id = c.id and doctor_id = {doctor}
            and status in ('BOOKED', 'ARRIVED', 'FULFILLED')
            and starts_at >= :countFrom and starts_at < :countTo
          group by 1) per_day) k{room}
      where c.id = :clinic{order}""";

  /**
   * One doctor: the parameter itself in every condition and nothing else (the several-doctor
   * statement, given a list of one, took almost three times as long: the benchmark's availability).
   */
  private static final String ONE =
      TEMPLATE
          .replace("{roomColumns}", "")
          .replace("{room}", "")
          .replace("{doctorColumn}", "")
          .replace("{doctors}", "")
          .replace("{order}", "")
          .replace("{doctor}", ":doctor");

  /** Several doctors, a row each, in their order. */
  private static final String MANY =
      TEMPLATE
          .replace("{roomColumns}", "")
          .replace("{room}", "")
          .replace("{doctorColumn}", ", d.doctor")
          .replace(
              "{doctors}",
              "\n cross join unnest(cast(:doctors as uuid[])) with ordinality d(doctor, n)")
          .replace("{order}", " order by d.n")
          .replace("{doctor}", "d.doctor");

  /**
   * One doctor for a booking at {@code :start}: the same read, which also counts the start's local
   * day (when the rules cap it) and the clinic's month (when its plan limits it) through {@code
   * booking_room} (V1000), after taking the locks that keep both limits under races until the
   * booking's transaction ends. The counts come from snapshots taken after the locks, so they are
   * fresh even though the rest of the statement reads an older one; the busy time may be older too,
   * which is harmless, as the exclusion constraints decide overlaps.
   */
  private static final String FOR_BOOKING =
      TEMPLATE
          .replace("{roomColumns}", ", room.day_count, room.month_count, l.monthly_limit")
          .replace(
              "{room}",
              """

      cross join lateral (
        select (cast(:limits as int[]))[array_position(cast(:plans as text[]), c.plan)]
          as monthly_limit) l
      left join lateral (
        -- no lock and no count when neither a cap nor a limit applies (the planner may still
        -- call the function, which then returns at once: 0.003 ms a call in the benchmark)
        select n.day_count, n.month_count
        from booking_room(c.id, {doctor}, c.timezone, :start, r.daily_cap, l.monthly_limit) n
        where r.daily_cap is not null or l.monthly_limit is not null) room on true""")
          .replace("{doctorColumn}", "")
          .replace("{doctors}", "")
          .replace("{order}", "")
          .replace("{doctor}", ":doctor");

  /** The plans that limit a month's appointments, and their limits, for {@link #FOR_BOOKING}. */
  private static final String[] LIMITED_PLANS =
      Arrays.stream(Plan.values())
          .filter(p -> p.appointmentsPerMonth() != Integer.MAX_VALUE)
          .map(Plan::name)
          .toArray(String[]::new);

  private static final Integer[] LIMITS =
      Arrays.stream(LIMITED_PLANS)
          .map(p -> Plan.valueOf(p).appointmentsPerMonth())
          .toArray(Integer[]::new);

  private final JdbcClient jdbc;

  DoctorWindows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The doctor at the clinic, with exceptions for the local days {@code from}..{@code to} and busy
   * time overlapping [{@code busyFrom}, {@code busyTo}); empty when the clinic is not found.
   */
  Optional<DoctorWindow> of(
      ClinicId clinic,
      UserId doctor,
      String serviceType,
      LocalDate from,
      LocalDate to,
      Instant busyFrom,
      Instant busyTo) {
    return read(ONE, "doctor", doctor.value(), clinic, serviceType, from, to, busyFrom, busyTo)
        .stream()
        .findFirst();
  }

  /**
   * The doctor at the clinic around {@code start}, for booking it: as {@link #of(ClinicId, UserId,
   * String, LocalDate, LocalDate, Instant, Instant)}, with the start's day and month counted under
   * the locks that keep the daily cap and the plan's monthly limit (held until the transaction
   * ends); empty when the clinic is not found.
   */
  Optional<DoctorWindow> forBooking(
      ClinicId clinic,
      UserId doctor,
      String serviceType,
      Instant start,
      LocalDate from,
      LocalDate to,
      Instant busyFrom,
      Instant busyTo) {
    return statement(
            FOR_BOOKING, "doctor", doctor.value(), clinic, serviceType, from, to, busyFrom, busyTo)
        .param("start", Timestamp.from(start))
        .param("plans", LIMITED_PLANS)
        .param("limits", LIMITS)
        .query((rs, n) -> booked(window(rs, clinic, doctor, serviceType), rs, start))
        .list()
        .stream()
        .findFirst();
  }

  /** The window with the counts booking_room made under its locks. */
  private static DoctorWindow booked(DoctorWindow window, ResultSet rs, Instant start)
      throws SQLException {
    var live = new HashMap<>(window.liveByDay());
    var day = (Integer) rs.getObject("day_count");
    if (day != null) {
      live.put(start.atZone(window.zone()).toLocalDate(), day);
    }
    var month = (Integer) rs.getObject("month_count");
    return new DoctorWindow(
        window.clinic(),
        window.doctor(),
        window.zone(),
        window.activeDoctor(),
        window.rules(),
        window.offered(),
        window.weekly(),
        window.overrides(),
        window.busy(),
        live,
        (Integer) rs.getObject("monthly_limit"),
        month == null ? 0 : month);
  }

  /**
   * The same for several doctors of the clinic, in their order, still in one statement (a clinic's
   * availability, the other doctors a refusal offers); empty when the clinic is not found.
   */
  List<DoctorWindow> of(
      ClinicId clinic,
      List<UserId> doctors,
      String serviceType,
      LocalDate from,
      LocalDate to,
      Instant busyFrom,
      Instant busyTo) {
    if (doctors.isEmpty()) {
      return List.of();
    }
    if (doctors.size() == 1) { // availability and bookings: the statement for one
      return of(clinic, doctors.getFirst(), serviceType, from, to, busyFrom, busyTo).stream()
          .toList();
    }
    var ids = doctors.stream().map(UserId::toString).toArray(String[]::new);
    return read(MANY, "doctors", ids, clinic, serviceType, from, to, busyFrom, busyTo);
  }

  private List<DoctorWindow> read(
      String query,
      String doctorsParameter,
      Object doctors,
      ClinicId clinic,
      String serviceType,
      LocalDate from,
      LocalDate to,
      Instant busyFrom,
      Instant busyTo) {
    return statement(
            query, doctorsParameter, doctors, clinic, serviceType, from, to, busyFrom, busyTo)
        .query(
            (rs, n) ->
                window(
                    rs,
                    clinic,
                    doctors instanceof UUID one
                        ? new UserId(one)
                        : new UserId(rs.getObject("doctor", UUID.class)),
                    serviceType))
        .list();
  }

  private JdbcClient.StatementSpec statement(
      String query,
      String doctorsParameter,
      Object doctors,
      ClinicId clinic,
      String serviceType,
      LocalDate from,
      LocalDate to,
      Instant busyFrom,
      Instant busyTo) {
    // local days lie within a day of the UTC ones, whatever the clinic's zone
    var countFrom = from.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    var countTo = to.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
    return jdbc.sql(query)
        .param("clinic", clinic.value())
        .param(doctorsParameter, doctors)
        .param("service", serviceType)
        .param("fromDay", Date.valueOf(from))
        .param("toDay", Date.valueOf(to))
        .param("busyFrom", Timestamp.from(busyFrom))
        .param("busyTo", Timestamp.from(busyTo))
        .param("countFrom", Timestamp.from(countFrom))
        .param("countTo", Timestamp.from(countTo));
  }

  private static DoctorWindow window(
      ResultSet rs, ClinicId clinic, UserId doctor, String serviceType) throws SQLException {
    var rules =
        rs.getBoolean("has_rules")
            ? Rules.row(rs, serviceType)
            : BookingRules.defaults(serviceType);
    return new DoctorWindow(
        clinic,
        doctor,
        ZoneId.of(rs.getString(1)),
        rs.getBoolean(2),
        rules,
        rs.getBoolean("offered"),
        weekly(rs),
        overrides(rs),
        busy(rs),
        liveByDay(rs),
        null,
        0);
  }

  private static List<WeeklyHours> weekly(ResultSet rs) throws SQLException {
    var days = array(rs.getArray(12));
    var starts = array(rs.getArray(13));
    var ends = array(rs.getArray(14));
    var weekly = new ArrayList<WeeklyHours>(days.length);
    for (int i = 0; i < days.length; i++) {
      weekly.add(new WeeklyHours(DayOfWeek.of((Integer) days[i]), time(starts[i]), time(ends[i])));
    }
    return weekly;
  }

  private static List<Hours.Override> overrides(ResultSet rs) throws SQLException {
    var days = array(rs.getArray(15));
    var kinds = array(rs.getArray(16));
    var starts = array(rs.getArray(17));
    var ends = array(rs.getArray(18));
    var overrides = new ArrayList<Hours.Override>(days.length);
    for (int i = 0; i < days.length; i++) {
      overrides.add(
          new Hours.Override(
              ((Date) days[i]).toLocalDate(),
              (String) kinds[i],
              starts[i] == null ? null : time(starts[i]),
              ends[i] == null ? null : time(ends[i])));
    }
    return overrides;
  }

  private static List<BusyTime.Interval> busy(ResultSet rs) throws SQLException {
    var clinics = array(rs.getArray(19));
    var lowers = array(rs.getArray(20));
    var uppers = array(rs.getArray(21));
    var busy = new ArrayList<BusyTime.Interval>(clinics.length);
    for (int i = 0; i < clinics.length; i++) {
      busy.add(
          new BusyTime.Interval(
              (UUID) clinics[i], instant((Long) lowers[i]), instant((Long) uppers[i])));
    }
    return busy;
  }

  private static Map<LocalDate, Integer> liveByDay(ResultSet rs) throws SQLException {
    var days = array(rs.getArray(22));
    var counts = array(rs.getArray(23));
    var live = new HashMap<LocalDate, Integer>();
    for (int i = 0; i < days.length; i++) {
      live.put(((Date) days[i]).toLocalDate(), (Integer) counts[i]);
    }
    return live;
  }

  private static Instant instant(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }

  private static java.time.LocalTime time(Object time) {
    return ((Time) time).toLocalTime();
  }

  /** The elements of a SQL array; an empty array for NULL (array_agg over no rows). */
  private static Object[] array(@Nullable Array array) throws SQLException {
    return array == null ? new Object[0] : (Object[]) array.getArray();
  }
}
