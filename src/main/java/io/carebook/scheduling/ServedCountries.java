package io.carebook.scheduling;

import io.carebook.shared.PhoneNumber;
import io.carebook.shared.ProblemException;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Clinic;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.Permissions;
import io.carebook.tenancy.TenantContext;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The countries whose phones a clinic's public page sends codes to: its own country unless the
 * owner allows more. A code to any other country is refused, so that nobody can make the clinic pay
 * for messages to premium numbers abroad.
 */
@Service
public class ServedCountries {

  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  private final JdbcClient jdbc;
  private final Organizations organizations;
  private final Permissions permissions;

  ServedCountries(JdbcClient jdbc, Organizations organizations, Permissions permissions) {
    this.jdbc = jdbc;
    this.organizations = organizations;
    this.permissions = permissions;
  }

  /** The countries whose phones the active clinic's public page sends codes to (PATIENT_VIEW). */
  @Transactional(readOnly = true)
  public List<String> served() {
    permissions.require(Action.PATIENT_VIEW);
    return of(organizations.activeClinic());
  }

  /**
   * Sets the countries the active clinic serves besides its own (SCHEDULE_EDIT); 400 for a code
   * that is no ISO 3166 country.
   */
  @Transactional
  public List<String> serve(List<String> countries) {
    permissions.require(Action.SCHEDULE_EDIT);
    return set(organizations.activeClinic(), countries);
  }

  /**
   * The version of the active clinic's list (its ETag on /api/v1): 0 while only its own country is
   * served, bumped by every change.
   */
  @Transactional(readOnly = true)
  public int version() {
    permissions.require(Action.PATIENT_VIEW);
    return jdbc.sql("select version from public_booking_countries where clinic_id = ?")
        .param(organizations.activeClinic().id().value())
        .query(Integer.class)
        .optional()
        .orElse(0);
  }

  /**
   * {@link #serve(List)} if the list is still at version {@code expected} (412 otherwise; null
   * expects none), checked under the row's lock.
   */
  @Transactional
  public List<String> serve(
      List<String> countries, @org.jspecify.annotations.Nullable Integer expected) {
    permissions.require(Action.SCHEDULE_EDIT);
    if (expected != null) {
      io.carebook.shared.web.ETags.expect(
          expected,
          jdbc.sql("select version from public_booking_countries where clinic_id = ? for update")
              .param(organizations.activeClinic().id().value())
              .query(Integer.class)
              .optional()
              .orElse(0));
    }
    return serve(countries);
  }

  /** The countries served by {@code clinic}, its own always among them. */
  List<String> of(Clinic clinic) {
    var stored =
        jdbc.sql("select phone_countries from public_booking_countries where clinic_id = ?")
            .param(clinic.id().value())
            .query((rs, n) -> List.of((String[]) rs.getArray(1).getArray()))
            .optional()
            .orElse(List.of());
    var countries = new TreeSet<>(stored);
    countries.add(clinic.country());
    return List.copyOf(countries);
  }

  /** 400 on {@code phone} unless {@code clinic} serves the phone's country. */
  void require(Clinic clinic, PhoneNumber phone) {
    var served = of(clinic);
    if (!served.contains(phone.region())) {
      throw new ProblemException(
          HttpStatus.BAD_REQUEST,
          "phone-country-not-served",
          "This clinic sends codes only to phones of " + String.join(", ", served) + ".",
          List.of(
              new ProblemException.FieldError(
                  "phone", "is in a country this clinic does not serve")));
    }
  }

  /** Sets the countries {@code clinic} serves besides its own (ISO 3166 codes); 400 for others. */
  List<String> set(Clinic clinic, List<String> countries) {
    var chosen = new TreeSet<String>();
    for (var country : countries) {
      var code = country == null ? "" : country.strip().toUpperCase(Locale.ROOT);
      if (!COUNTRIES.contains(code)) {
        throw ProblemException.invalid("countries", "must be ISO 3166 country codes");
      }
      chosen.add(code);
    }
    chosen.add(clinic.country());
    if (chosen.size() > 50) {
      throw ProblemException.invalid("countries", "at most 50");
    }
    jdbc.sql(
            """
            insert into public_booking_countries (tenant_id, clinic_id, phone_countries)
            values (?, ?, ?)
            on conflict (tenant_id, clinic_id) do update set
              phone_countries = excluded.phone_countries""")
        .params(TenantContext.tenant().value(), clinic.id().value(), chosen.toArray(String[]::new))
        .update();
    return List.copyOf(chosen);
  }
}
