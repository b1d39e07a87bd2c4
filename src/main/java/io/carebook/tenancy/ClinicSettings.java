package io.carebook.tenancy;

import io.carebook.shared.ClinicId;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.ProblemException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A clinic's name, country, time zone, currency, address and phone, changed after opening by those
 * who manage its settings (SETTINGS_MANAGE: owners and managers). The audit trigger on {@code
 * clinics} records each change with its before and after values.
 *
 * <p>Appointments are stored as instants, so after a zone change they keep their absolute time and
 * their clock time in the clinic shifts; weekly hours are local times and keep them. Because of
 * this a zone change with appointments to come must be confirmed. Invoices keep the currency they
 * were issued in.
 */
@Service
public class ClinicSettings {

  private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()./-]{3,38}");

  private final Organizations organizations;
  private final Permissions permissions;
  private final List<FutureAppointments> futureAppointments;
  private final JdbcClient jdbc;
  private final Clock clock;

  ClinicSettings(
      Organizations organizations,
      Permissions permissions,
      List<FutureAppointments> futureAppointments,
      JdbcClient jdbc,
      Clock clock) {
    this.organizations = organizations;
    this.permissions = permissions;
    this.futureAppointments = futureAppointments;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** What may be changed; a zone or currency left out comes from the country. */
  public record Changes(
      @Nullable String name,
      @Nullable String country,
      @Nullable String timezone,
      @Nullable String currency,
      @Nullable String address,
      @Nullable String phone,
      @Nullable Boolean confirmZoneChange) {}

  /** The active clinic, when {@code clinic} is it and the member may manage it; 404 otherwise. */
  @Transactional(readOnly = true)
  public Clinic of(ClinicId clinic) {
    permissions.require(Action.SETTINGS_MANAGE);
    return manageable(clinic);
  }

  /** The clinic's appointments still to come, which a change of its zone affects. */
  @Transactional(readOnly = true)
  public long appointmentsToCome(ClinicId clinic) {
    var now = clock.instant();
    return futureAppointments.stream().mapToLong(f -> f.countFrom(clinic, now)).sum();
  }

  /** The clinic's version (its ETag on /api/v1), bumped by every change of its row. */
  @Transactional(readOnly = true)
  public int version(ClinicId clinic) {
    permissions.require(Action.SETTINGS_MANAGE);
    manageable(clinic);
    return jdbc.sql("select version from clinics where id = ?")
        .param(clinic.value())
        .query(Integer.class)
        .single();
  }

  @Transactional
  public Clinic change(ClinicId clinicId, Changes changes) {
    return change(clinicId, changes, null);
  }

  /**
   * Changes the clinic's settings if its version is still {@code expected} (412 otherwise; null
   * expects none), checked under the row's lock.
   */
  @Transactional
  public Clinic change(ClinicId clinicId, Changes changes, @Nullable Integer expected) {
    permissions.require(Action.SETTINGS_MANAGE);
    var clinic = manageable(clinicId);
    io.carebook.shared.web.ETags.expect(
        expected,
        jdbc.sql("select version from clinics where id = ? for update")
            .param(clinicId.value())
            .query(Integer.class)
            .single());
    var errors = new ArrayList<ProblemException.FieldError>();
    Regions.Placement placed = null;
    try {
      placed = Regions.place(changes.country(), changes.timezone(), changes.currency());
    } catch (ProblemException e) {
      errors.addAll(e.errors());
    }
    var name = trimmed(changes.name());
    if (name == null || name.length() > 200) {
      errors.add(new ProblemException.FieldError("name", "must be 1 to 200 characters"));
    }
    var address = trimmed(changes.address());
    if (address != null && address.length() > 500) {
      errors.add(new ProblemException.FieldError("address", "must be at most 500 characters"));
    }
    var phone = trimmed(changes.phone());
    if (phone != null && !PHONE.matcher(phone).matches()) {
      errors.add(
          new ProblemException.FieldError("phone", "must be digits, spaces and + ( ) - . /"));
    }
    if (placed != null
        && !placed.zone().equals(clinic.timezone())
        && !Boolean.TRUE.equals(changes.confirmZoneChange())
        && appointmentsToCome(clinicId) > 0) {
      errors.add(
          new ProblemException.FieldError(
              "confirmZoneChange",
              "must be true: appointments to come keep their absolute time, so their clock time"
                  + " in the clinic shifts"));
    }
    if (placed == null || !errors.isEmpty()) {
      throw new ProblemException(
          HttpStatus.BAD_REQUEST, "invalid-input", "The request has invalid fields.", errors);
    }
    jdbc.sql(
            """
            update clinics set name = ?, country = ?, timezone = ?, currency = ?, address = ?,
                               phone = ?
             where id = ?""")
        .params(
            name,
            placed.country(),
            placed.zone().getId(),
            placed.currency(),
            address,
            phone,
            clinicId.value())
        .update();
    return organizations.find(clinicId).orElseThrow();
  }

  private Clinic manageable(ClinicId clinic) {
    if (!clinic.equals(TenantContext.clinic())) {
      throw new NotFoundException("Clinic");
    }
    return organizations.find(clinic).orElseThrow(() -> new NotFoundException("Clinic"));
  }

  private static @Nullable String trimmed(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
