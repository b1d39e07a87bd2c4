package io.carebook.scheduling;

import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.shared.UserId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A doctor's busy time, across clinics and organizations: start, end and which clinic (an opaque
 * id), never who or why. Its exclusion constraints are what make double booking impossible.
 */
@Repository
class BusyTime {

  /** The clinic id that a doctor's own leave and commitments carry: they block every clinic. */
  static final UUID EVERYWHERE = new UUID(0, 0);

  private final JdbcClient jdbc;

  BusyTime(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One busy interval of a doctor. */
  record Interval(UUID clinic, Instant starts, Instant ends) {}

  /**
   * Holds the interval for the doctor at the clinic on the first free seat of {@code seats}; empty
   * when the database refuses every seat (another clinic overlaps, or the seats are taken).
   */
  Optional<Hold> hold(UserId doctor, ClinicId clinic, Instant starts, Instant ends, int seats) {
    for (int seat = 1; seat <= seats; seat++) {
      var id = UUID.randomUUID();
      var held =
          jdbc.sql(
                  """
                  insert into practitioner_busy (id, user_id, clinic_id, period, seat, kind)
                  values (?, ?, ?, tstzrange(?, ?), ?, 'APPOINTMENT') on conflict do nothing""")
              .params(
                  id,
                  doctor.value(),
                  clinic.value(),
                  Timestamp.from(starts),
                  Timestamp.from(ends),
                  seat)
              .update();
      if (held == 1) {
        return Optional.of(new Hold(id, seat));
      }
    }
    return Optional.empty();
  }

  /** A held interval: its id and seat. */
  record Hold(UUID id, int seat) {}

  /** Frees a held interval of the doctor (the busy time's key is the doctor's, then the hold's). */
  void release(UserId doctor, UUID hold) {
    jdbc.sql("delete from practitioner_busy where user_id = ? and id = ?")
        .params(doctor.value(), hold)
        .update();
  }

  /**
   * The doctor's own leave or commitment: busy at every clinic, as one row. Refused (false) if it
   * overlaps a booking anywhere or other time off of theirs.
   */
  boolean blockEverywhere(TimeOffEntry entry, UserId recordedBy, TenantId in) {
    return insert(entry, EVERYWHERE, 1, false, recordedBy, in);
  }

  /**
   * An organization's time off for the doctor at one of its clinics: every seat of that clinic,
   * nothing elsewhere. Refused (false) if it overlaps a booking at that clinic or other time off
   * there; the caller's transaction must then roll back the seats already taken.
   */
  boolean blockAtClinic(TimeOffEntry entry, ClinicId clinic, UserId recordedBy, TenantId in) {
    for (int seat = 1; seat <= MAX_SEATS; seat++) {
      if (!insert(entry, clinic.value(), seat, true, recordedBy, in)) {
        return false;
      }
    }
    return true;
  }

  /** The most seats a clinic's rules allow (booking_rules.seats between 1 and 10). */
  static final int MAX_SEATS = 10;

  private boolean insert(
      TimeOffEntry entry,
      UUID clinic,
      int seat,
      boolean clinicOnly,
      UserId recordedBy,
      TenantId in) {
    return jdbc.sql(
                """
                insert into practitioner_busy (id, user_id, clinic_id, period, seat, kind,
                  entry_id, clinic_only, recorded_by, recorded_by_tenant)
                values (?, ?, ?, tstzrange(?, ?), ?, ?, ?, ?, ?, ?) on conflict do nothing""")
            .params(
                UUID.randomUUID(),
                entry.doctor().value(),
                clinic,
                Timestamp.from(entry.starts()),
                Timestamp.from(entry.ends()),
                seat,
                entry.kind(),
                entry.id(),
                clinicOnly,
                recordedBy.value(),
                in.value())
            .update()
        == 1;
  }

  /**
   * The doctor's time off that {@code organization} recorded at its clinic, and, when {@code
   * includeOwn}, what the doctor recorded for everywhere; never another organization's entries.
   */
  List<TimeOffEntry> timeOff(UserId doctor, TenantId organization, boolean includeOwn) {
    return jdbc.sql(
            """
            select entry_id, min(kind), min(lower(period)), min(upper(period)),
                   bool_and(not clinic_only)
            from practitioner_busy
            where user_id = ? and entry_id is not null and upper(period) > now()
              and ((clinic_only and recorded_by_tenant = ?)
                   -- recorded by the doctor, or before anyone was recorded (V580)
                   or (? and not clinic_only and coalesce(recorded_by, user_id) = user_id))
            group by entry_id order by 3""")
        .params(doctor.value(), organization.value(), includeOwn)
        .query(
            (rs, n) ->
                new TimeOffEntry(
                    rs.getObject(1, UUID.class),
                    doctor,
                    rs.getTimestamp(3).toInstant(),
                    rs.getTimestamp(4).toInstant(),
                    rs.getString(2),
                    rs.getBoolean(5)))
        .list();
  }

  /**
   * Lifts a time-off entry of the doctor: any of theirs when {@code byTheDoctor}, else only one
   * that {@code organization} recorded at its clinic (never the doctor's own leave, even if they
   * recorded it while working there). Returns whether there was such an entry.
   */
  boolean lift(UserId doctor, UUID entry, TenantId organization, boolean byTheDoctor) {
    return jdbc.sql(
                """
                delete from practitioner_busy
                where entry_id = ? and user_id = ? and kind <> 'APPOINTMENT'
                  and (? or (clinic_only and recorded_by_tenant = ?))""")
            .params(entry, doctor.value(), byTheDoctor, organization.value())
            .update()
        > 0;
  }
}
