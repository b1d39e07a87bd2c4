package io.carebook.identity;

import io.carebook.shared.NotFoundException;
import io.carebook.shared.ProblemException;
import io.carebook.shared.UserId;
import io.carebook.tenancy.TenantContext;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the organization tells about each of its doctors: specialty, licence, the consultation fee
 * billing starts from, and the languages they consult in.
 *
 * <p>It stays in identity's API package because it finds its doctors through {@link Staff} while
 * identity's own staff pages, API and demo write it, so moving it into a module of its own (or into
 * scheduling, clinical or billing, which read it) would make that module and identity depend on
 * each other.
 */
@Service
public class DoctorProfiles {

  private final JdbcClient jdbc;
  private final Staff staff;

  DoctorProfiles(JdbcClient jdbc, Staff staff) {
    this.jdbc = jdbc;
    this.staff = staff;
  }

  /** A doctor's profile; the fee is in the currency named with it. */
  public record Profile(
      UserId userId,
      String name,
      @Nullable String specialty,
      @Nullable String licenceNumber,
      @Nullable BigDecimal consultationFee,
      @Nullable String currency,
      List<String> languages,
      int version) {

    /** A profile as written, before it has a version (the one read back has it). */
    public Profile(
        UserId userId,
        String name,
        @Nullable String specialty,
        @Nullable String licenceNumber,
        @Nullable BigDecimal consultationFee,
        @Nullable String currency,
        List<String> languages) {
      this(userId, name, specialty, licenceNumber, consultationFee, currency, languages, 0);
    }

    /** The fee in the language's currency pattern ("EGP 350.00", "350,00 €"), or null. */
    public @Nullable String fee(java.util.Locale locale) {
      return consultationFee == null || currency == null
          ? null
          : io.carebook.shared.Money.of(consultationFee.toPlainString(), currency).format(locale);
    }
  }

  /** The doctors of the active clinic, with their profiles (empty where none was written). */
  @Transactional(readOnly = true)
  public List<Profile> ofActiveClinic() {
    return staff.members().stream()
        .filter(m -> m.roles().contains(Role.DOCTOR))
        .map(m -> find(m.userId(), m.name()))
        .toList();
  }

  @Transactional(readOnly = true)
  public Profile of(UserId doctor) {
    var member =
        staff.members().stream()
            .filter(m -> m.userId().equals(doctor) && m.roles().contains(Role.DOCTOR))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("Doctor"));
    return find(doctor, member.name());
  }

  @Transactional
  public Profile write(Profile profile) {
    return write(profile, null);
  }

  /**
   * Writes the profile if it is still at version {@code expected} (0: none written yet; 412
   * otherwise; null expects none), checked under the row's lock.
   */
  @Transactional
  public Profile write(Profile profile, @Nullable Integer expected) {
    var doctor = of(profile.userId());
    if (expected != null) {
      io.carebook.shared.web.ETags.expect(
          expected,
          jdbc.sql("select version from doctor_profiles where user_id = ? for update")
              .param(profile.userId().value())
              .query(Integer.class)
              .optional()
              .orElse(0));
    }
    if (profile.consultationFee() != null) {
      if (profile.consultationFee().signum() < 0 || profile.consultationFee().scale() > 2) {
        throw ProblemException.invalid(
            "consultationFee", "must be a positive amount with at most 2 decimals");
      }
      validCurrency(profile.currency());
    }
    jdbc.sql(
            """
            insert into doctor_profiles (tenant_id, user_id, specialty, licence_number,
                                         consultation_fee, currency, languages, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, now())
            on conflict (tenant_id, user_id) do update set specialty = excluded.specialty,
              licence_number = excluded.licence_number,
              consultation_fee = excluded.consultation_fee, currency = excluded.currency,
              languages = excluded.languages, updated_at = now()""")
        .params(
            TenantContext.tenant().value(),
            profile.userId().value(),
            blankToNull(profile.specialty()),
            blankToNull(profile.licenceNumber()),
            profile.consultationFee(),
            profile.consultationFee() == null ? null : profile.currency(),
            profile.languages().stream()
                .map(String::trim)
                .filter(l -> !l.isEmpty())
                .toArray(String[]::new))
        .update();
    return of(doctor.userId());
  }

  private Profile find(UserId doctor, String name) {
    Optional<Profile> written =
        jdbc.sql("select * from doctor_profiles where user_id = ?")
            .param(doctor.value())
            .query(
                (rs, n) ->
                    new Profile(
                        new UserId(rs.getObject("user_id", UUID.class)),
                        name,
                        rs.getString("specialty"),
                        rs.getString("licence_number"),
                        rs.getBigDecimal("consultation_fee"),
                        rs.getString("currency"),
                        Arrays.asList((String[]) rs.getArray("languages").getArray()),
                        rs.getInt("version")))
            .optional();
    return written.orElse(new Profile(doctor, name, null, null, null, null, List.of()));
  }

  private static void validCurrency(@Nullable String currency) {
    try {
      Currency.getInstance(String.valueOf(currency));
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("currency", "is not a known currency code");
    }
  }

  private static @Nullable String blankToNull(@Nullable String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
