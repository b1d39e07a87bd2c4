package io.carebook.scheduling;

import io.carebook.shared.ClinicId;
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

  /** The clinic id that leave and other commitments carry: they block every clinic. */
  static final UUID EVERYWHERE = new UUID(0, 0);

  private final JdbcClient jdbc;

  BusyTime(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One busy interval of a doctor. */
  record Interval(UUID clinic, Instant starts, Instant ends) {}

  List<Interval> of(UserId doctor, Instant from, Instant to) {
    return jdbc.sql(
            """
            select clinic_id, lower(period), upper(period) from practitioner_busy
            where user_id = ? and period && tstzrange(?, ?)""")
        .params(doctor.value(), Timestamp.from(from), Timestamp.from(to))
        .query(
            (rs, n) ->
                new Interval(
                    rs.getObject(1, UUID.class),
                    rs.getTimestamp(2).toInstant(),
                    rs.getTimestamp(3).toInstant()))
        .list();
  }

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

  void release(UUID hold) {
    jdbc.sql("delete from practitioner_busy where id = ?").param(hold).update();
  }

  /** Leave or another commitment: busy at every clinic. Refused if it overlaps a booking. */
  boolean block(UserId doctor, Instant starts, Instant ends, String kind) {
    return jdbc.sql(
                """
                insert into practitioner_busy (id, user_id, clinic_id, period, seat, kind)
                values (?, ?, ?, tstzrange(?, ?), 1, ?) on conflict do nothing""")
            .params(
                UUID.randomUUID(),
                doctor.value(),
                EVERYWHERE,
                Timestamp.from(starts),
                Timestamp.from(ends),
                kind)
            .update()
        == 1;
  }
}
