package io.carebook.scheduling;

import io.carebook.patients.NewPatient;
import io.carebook.patients.Patient.PatientId;
import io.carebook.patients.PatientDirectory;
import io.carebook.scheduling.AppointmentEvents.AppointmentCanceled;
import io.carebook.shared.ClinicId;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.ProblemException;
import io.carebook.shared.TenantId;
import io.carebook.shared.UserId;
import io.carebook.shared.web.CursorPage;
import io.carebook.shared.web.Keyset;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.TenantContext;
import io.carebook.tenancy.TenantSweep;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The waitlist. A patient waits for a doctor within a time window; when a slot in that window frees
 * up (a cancellation), the first in line is offered it, and the slot is held for them — nobody else
 * can book it — until the offer expires, when it passes to the next in line.
 */
@Service
public class Waitlist {

  private final JdbcClient jdbc;
  private final BusyTime busy;
  private final Bookings bookings;
  private final Rules rules;
  private final PatientDirectory patients;
  private final Organizations organizations;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final TenantSweep sweep;

  Waitlist(
      JdbcClient jdbc,
      BusyTime busy,
      Bookings bookings,
      Rules rules,
      PatientDirectory patients,
      Organizations organizations,
      ApplicationEventPublisher events,
      Clock clock,
      TenantSweep sweep) {
    this.jdbc = jdbc;
    this.busy = busy;
    this.bookings = bookings;
    this.rules = rules;
    this.patients = patients;
    this.organizations = organizations;
    this.events = events;
    this.clock = clock;
    this.sweep = sweep;
  }

  /** One place in line, and the offer it holds, if any. */
  public record Entry(
      UUID id,
      UserId doctorId,
      UUID patientId,
      Instant windowFrom,
      Instant windowTo,
      String status,
      @Nullable Instant offeredStart,
      @Nullable Instant offeredUntil,
      @Nullable UUID appointmentId,
      String serviceType) {}

  @Transactional
  public Entry join(
      UserId doctor,
      @Nullable UUID patientId,
      @Nullable NewPatient patient,
      Instant from,
      Instant to) {
    return join(doctor, "", patientId, patient, from, to);
  }

  /** Puts a patient in line for a doctor and a service type ("" the standard visit). */
  @Transactional
  public Entry join(
      UserId doctor,
      String serviceType,
      @Nullable UUID patientId,
      @Nullable NewPatient patient,
      Instant from,
      Instant to) {
    if (!to.isAfter(from)) {
      throw ProblemException.invalid("to", "must be after from");
    }
    var patientUuid =
        patientId != null
            ? patients.get(new PatientId(patientId)).id().value()
            : patients
                .findOrRegister(java.util.Objects.requireNonNull(patient, "patient"))
                .id()
                .value();
    var id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into waitlist_entries (tenant_id, id, clinic_id, doctor_id, patient_id,
                                          window_from, window_to, service_type)
            values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            TenantContext.tenant().value(),
            id,
            TenantContext.clinic().value(),
            doctor.value(),
            patientUuid,
            Timestamp.from(from),
            Timestamp.from(to),
            serviceType)
        .update();
    return find(id).orElseThrow();
  }

  @Transactional(readOnly = true)
  public List<Entry> ofActiveClinic() {
    return jdbc.sql(
            "select * from waitlist_entries where clinic_id = ? and status in ('WAITING', 'OFFERED')"
                + " order by created_at, id")
        .param(TenantContext.clinic().value())
        .query((rs, n) -> entry(rs))
        .list();
  }

  /** Turns an offer into an appointment, while it holds. */
  @Transactional
  public Appointment accept(UUID entryId) {
    var entry = find(entryId).orElseThrow(() -> new NotFoundException("Waitlist entry"));
    var hold =
        jdbc.sql("select offered_hold from waitlist_entries where id = ?")
            .param(entryId)
            .query((rs, n) -> rs.getObject(1, UUID.class))
            .optional()
            .orElse(null);
    if (!"OFFERED".equals(entry.status())
        || hold == null
        || entry.offeredUntil() == null
        || entry.offeredUntil().isBefore(clock.instant())) {
      throw new ProblemException(
          HttpStatus.CONFLICT,
          "offer-expired",
          "This offer is no longer open; the slot has passed on.");
    }
    var seat =
        jdbc.sql("select seat from practitioner_busy where user_id = ? and id = ?")
            .params(entry.doctorId().value(), hold)
            .query(Integer.class)
            .single();
    var clinic = organizations.activeClinic();
    var bookingRules = rules.of(clinic.id(), entry.serviceType());
    var appointment =
        new Appointment(
            UUID.randomUUID(),
            clinic.id(),
            entry.doctorId(),
            entry.patientId(),
            entry.serviceType(),
            entry.offeredStart(),
            entry.offeredStart().plus(bookingRules.duration()),
            AppointmentStatus.BOOKED,
            "PATIENT",
            null,
            0,
            null);
    bookings.bookHeld(appointment, hold, seat);
    jdbc.sql(
            "update waitlist_entries set status = 'BOOKED', appointment_id = ?, offered_hold = null where id = ?")
        .params(appointment.id(), entryId)
        .update();
    return appointment;
  }

  /**
   * A cancellation frees a slot: the first in line for it is offered it — after the cancellation
   * commits, off the request thread, in its clinic as the system; the event registry retries it if
   * it fails.
   */
  @ApplicationModuleListener
  void on(AppointmentCanceled canceled) {
    if (canceled.startsAt().isBefore(clock.instant())) {
      return;
    }
    offer(
        canceled.tenantId(),
        canceled.clinicId(),
        canceled.doctorId(),
        canceled.startsAt(),
        canceled.endsAt());
  }

  /** Offers expire: their slot passes to the next in line. Every minute, for every organization. */
  @Scheduled(
      fixedDelayString = "${carebook.waitlist.sweep-interval:PT1M}",
      initialDelayString = "PT30S")
  void expireOffers() {
    var due =
        jdbc.sql("select waitlist_expired_offer_tenants(?)")
            .param(Timestamp.from(clock.instant()))
            .query((rs, n) -> new TenantId(rs.getObject(1, UUID.class)))
            .list();
    sweep.each("Waitlist offers", due, this::expire);
  }

  void expire(TenantId tenant) {
    record Expired(
        UUID id, ClinicId clinic, UserId doctor, Instant start, @Nullable Instant end, UUID hold) {}
    var expired =
        jdbc.sql(
                "select * from waitlist_entries where status = 'OFFERED' and offered_until < ? for update skip locked")
            .param(Timestamp.from(clock.instant()))
            .query(
                (rs, n) ->
                    new Expired(
                        rs.getObject("id", UUID.class),
                        new ClinicId(rs.getObject("clinic_id", UUID.class)),
                        new UserId(rs.getObject("doctor_id", UUID.class)),
                        rs.getTimestamp("offered_start").toInstant(),
                        rs.getTimestamp("offered_end") == null
                            ? null
                            : rs.getTimestamp("offered_end").toInstant(),
                        rs.getObject("offered_hold", UUID.class)))
            .list();
    for (var offer : expired) {
      busy.release(offer.doctor(), offer.hold());
      jdbc.sql("update waitlist_entries set status = 'EXPIRED', offered_hold = null where id = ?")
          .param(offer.id())
          .update();
      // the whole freed time passes on, not only what the expired offer's service type needed
      var end =
          offer.end() != null
              ? offer.end()
              : offer.start().plus(rules.of(offer.clinic(), "").duration());
      offer(tenant, offer.clinic(), offer.doctor(), offer.start(), end);
    }
  }

  /**
   * Offers [start, end) to the first entry waiting for that doctor whose window covers it and whose
   * service type fits in it; the slot is held for that type's length and margins.
   */
  private void offer(TenantId tenant, ClinicId clinic, UserId doctor, Instant start, Instant end) {
    record Waiting(UUID id, UUID patient, BookingRules rules) {}
    var next =
        jdbc
            .sql(
                """
            select id, patient_id, service_type from waitlist_entries
            where clinic_id = ? and doctor_id = ? and status = 'WAITING'
              and window_from <= ? and window_to >= ?
            order by created_at limit 20 for update skip locked""")
            .params(clinic.value(), doctor.value(), Timestamp.from(start), Timestamp.from(end))
            .query(
                (rs, n) ->
                    new Waiting(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rules.of(clinic, rs.getString(3))))
            .stream()
            .filter(w -> !start.plus(w.rules().duration()).isAfter(end))
            .findFirst();
    if (next.isEmpty()) {
      return;
    }
    var bookingRules = next.get().rules();
    var hold =
        busy.hold(
            doctor,
            clinic,
            start.minus(bookingRules.bufferBefore()),
            start.plus(bookingRules.duration()).plus(bookingRules.bufferAfter()),
            bookingRules.seats());
    if (hold.isEmpty()) {
      return; // somebody booked it first
    }
    var minutes =
        jdbc.sql(
                "select coalesce((select offer_minutes from booking_rules where clinic_id = ? and service_type = ''), 30)")
            .param(clinic.value())
            .query(Integer.class)
            .single();
    var until = clock.instant().plus(Duration.ofMinutes(minutes));
    var entry = next.get();
    jdbc.sql(
            "update waitlist_entries set status = 'OFFERED', offered_start = ?, offered_until = ?,"
                + " offered_hold = ?, offered_end = ? where id = ?")
        .params(
            Timestamp.from(start),
            Timestamp.from(until),
            hold.get().id(),
            Timestamp.from(end),
            entry.id())
        .update();
    events.publishEvent(
        new WaitlistOfferMade(tenant, clinic, entry.id(), entry.patient(), start, until));
  }

  private Optional<Entry> find(UUID id) {
    return jdbc.sql("select * from waitlist_entries where id = ?")
        .param(id)
        .query((rs, n) -> entry(rs))
        .optional();
  }

  private static Entry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Entry(
        rs.getObject("id", UUID.class),
        new UserId(rs.getObject("doctor_id", UUID.class)),
        rs.getObject("patient_id", UUID.class),
        rs.getTimestamp("window_from").toInstant(),
        rs.getTimestamp("window_to").toInstant(),
        rs.getString("status"),
        rs.getTimestamp("offered_start") == null
            ? null
            : rs.getTimestamp("offered_start").toInstant(),
        rs.getTimestamp("offered_until") == null
            ? null
            : rs.getTimestamp("offered_until").toInstant(),
        rs.getObject("appointment_id", UUID.class),
        rs.getString("service_type"));
  }

  // paging: who waits, a keyset page at a time

  /** An entry and when it joined: its place in line, the key of a page. */
  private record InLine(Entry entry, Instant joined) {}

  /**
   * A page of {@link #ofActiveClinic()}: at most {@code limit} entries after {@code after} (joined
   * at, id), in line order, read through the index of the clinic's open entries.
   */
  @Transactional(readOnly = true)
  public CursorPage<Entry> ofActiveClinic(int limit, @Nullable Keyset after) {
    var rows =
        jdbc.sql(
                """
                select * from waitlist_entries
                where clinic_id = ? and status in ('WAITING', 'OFFERED')
                  and (created_at, id) > (?, ?)
                order by created_at, id limit ?""")
            .params(
                TenantContext.clinic().value(),
                after == null ? Timestamp.from(Instant.EPOCH) : after.timestamp(),
                after == null ? new UUID(0, 0) : after.id(),
                limit + 1)
            .query((rs, n) -> new InLine(entry(rs), rs.getTimestamp("created_at").toInstant()))
            .list();
    return CursorPage.ofOneMore(rows, limit, r -> Keyset.of(r.joined(), r.entry().id()))
        .map(InLine::entry);
  }
}
