package io.carebook.billing;

import io.carebook.shared.ClinicId;
import io.carebook.shared.Money;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.ProblemException;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.Permissions;
import io.carebook.tenancy.TenantContext;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The active clinic's price list: services with their prices, and tax profiles. */
@Service
public class Catalog {

  private final JdbcClient jdbc;
  private final Organizations organizations;
  private final Permissions permissions;

  Catalog(JdbcClient jdbc, Organizations organizations, Permissions permissions) {
    this.jdbc = jdbc;
    this.organizations = organizations;
    this.permissions = permissions;
  }

  public record TaxProfile(UUID id, String name, BigDecimal rate) {}

  public enum Kind {
    CONSULTATION,
    PROCEDURE,
    LAB,
    PACKAGE,
    OTHER
  }

  public record BillableService(
      UUID id,
      String code,
      String name,
      Kind kind,
      Money price,
      @Nullable UUID taxProfileId,
      BigDecimal taxRate,
      boolean active,
      @Schema(
              description = "the service's version: its ETag, to send back as If-Match",
              example = "2")
          int version) {}

  @Transactional(readOnly = true)
  public List<TaxProfile> taxProfiles() {
    return jdbc.sql("select * from tax_profiles where clinic_id = ? order by name")
        .param(TenantContext.clinic().value())
        .query(
            (rs, n) ->
                new TaxProfile(
                    rs.getObject("id", UUID.class), rs.getString("name"), rs.getBigDecimal("rate")))
        .list();
  }

  @Transactional
  public TaxProfile addTaxProfile(@Nullable String name, @Nullable BigDecimal rate) {
    permissions.require(Action.SETTINGS_MANAGE);
    return addTaxProfileAsSystem(name, rate);
  }

  /** A tax profile added by the system (the demo), with no member's permissions to ask. */
  public TaxProfile addTaxProfileAsSystem(@Nullable String name, @Nullable BigDecimal rate) {
    if (name == null || name.isBlank() || name.strip().length() > 80) {
      throw ProblemException.invalid("name", "is required (at most 80 characters)");
    }
    if (rate == null
        || rate.signum() < 0
        || rate.compareTo(BigDecimal.valueOf(100)) > 0
        || rate.scale() > 3) {
      throw ProblemException.invalid("rate", "must be a percentage between 0 and 100");
    }
    var profile = new TaxProfile(UUID.randomUUID(), name.strip(), rate);
    try {
      jdbc.sql(
              "insert into tax_profiles (tenant_id, id, clinic_id, name, rate) values (?, ?, ?, ?, ?)")
          .params(
              TenantContext.tenant().value(),
              profile.id(),
              TenantContext.clinic().value(),
              profile.name(),
              rate)
          .update();
    } catch (DuplicateKeyException e) {
      throw ProblemException.invalid("name", "is already a tax profile of this clinic");
    }
    return profile;
  }

  /** A new service, or 400 with field messages. */
  public record NewService(
      @Nullable String code,
      @Nullable String name,
      @Nullable String kind,
      @Nullable BigDecimal price,
      @Nullable UUID taxProfileId) {}

  @Transactional
  public BillableService addService(NewService service) {
    permissions.require(Action.SETTINGS_MANAGE);
    return addServiceAsSystem(service);
  }

  /** A service added by the system (the demo), with no member's permissions to ask. */
  public BillableService addServiceAsSystem(NewService service) {
    var currency = currency();
    var code = service.code() == null ? "" : service.code().strip().toUpperCase(Locale.ROOT);
    if (!code.matches("[A-Z0-9][A-Z0-9_-]{0,29}")) {
      throw ProblemException.invalid("code", "is 1-30 letters, digits, - or _ (e.g. CONSULT)");
    }
    if (service.name() == null
        || service.name().isBlank()
        || service.name().strip().length() > 120) {
      throw ProblemException.invalid("name", "is required (at most 120 characters)");
    }
    Kind kind;
    try {
      kind =
          service.kind() == null
              ? Kind.OTHER
              : Kind.valueOf(service.kind().strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid(
          "kind", "must be CONSULTATION, PROCEDURE, LAB, PACKAGE or OTHER");
    }
    var price = money(service.price(), "price", currency);
    if (service.taxProfileId() != null && taxProfile(service.taxProfileId()).isEmpty()) {
      throw ProblemException.invalid("taxProfileId", "is not a tax profile of this clinic");
    }
    var id = UUID.randomUUID();
    try {
      jdbc.sql(
              """
              insert into billable_services (tenant_id, id, clinic_id, code, name, kind, price_minor,
                                             tax_profile_id)
              values (?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(
              TenantContext.tenant().value(),
              id,
              TenantContext.clinic().value(),
              code,
              service.name().strip(),
              kind.name(),
              price.minor(),
              service.taxProfileId())
          .update();
    } catch (DuplicateKeyException e) {
      throw ProblemException.invalid("code", "is already used by another service of this clinic");
    }
    return service(id).orElseThrow();
  }

  @Transactional
  public BillableService setActive(UUID id, boolean active) {
    return setActive(id, active, null);
  }

  /**
   * Retires a service or brings it back if its version is still {@code expected} (412 otherwise;
   * null expects none), checked under the row's lock.
   */
  @Transactional
  public BillableService setActive(UUID id, boolean active, @Nullable Integer expected) {
    permissions.require(Action.SETTINGS_MANAGE);
    service(id).orElseThrow(() -> new NotFoundException("Service"));
    io.carebook.shared.web.ETags.expect(
        expected,
        jdbc.sql("select version from billable_services where id = ? for update")
            .param(id)
            .query(Integer.class)
            .single());
    jdbc.sql("update billable_services set active = ? where id = ?").params(active, id).update();
    return service(id).orElseThrow();
  }

  /** The active clinic's services, the active ones first. */
  @Transactional(readOnly = true)
  public List<BillableService> services() {
    return jdbc.sql(SELECT + " where s.clinic_id = ? order by s.active desc, s.kind, s.name")
        .param(TenantContext.clinic().value())
        .query(this::row)
        .list();
  }

  Optional<BillableService> service(UUID id) {
    return jdbc.sql(SELECT + " where s.id = ? and s.clinic_id = ?")
        .params(id, TenantContext.clinic().value())
        .query(this::row)
        .optional();
  }

  Optional<TaxProfile> taxProfile(UUID id) {
    return taxProfiles().stream().filter(t -> t.id().equals(id)).findFirst();
  }

  Currency currency() {
    return Currency.getInstance(organizations.activeClinic().currency());
  }

  static Money money(@Nullable BigDecimal amount, String field, Currency currency) {
    if (amount == null || amount.signum() < 0) {
      throw ProblemException.invalid(field, "must be an amount of 0 or more");
    }
    try {
      return Money.of(amount, currency);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw ProblemException.invalid(
          field,
          "has at most "
              + Math.max(0, currency.getDefaultFractionDigits())
              + " decimals in "
              + currency);
    }
  }

  private static final String SELECT =
      """
      select s.*, coalesce(t.rate, 0) as tax_rate, c.currency
      from billable_services s
      join clinics c on c.tenant_id = s.tenant_id and c.id = s.clinic_id
      left join tax_profiles t on t.tenant_id = s.tenant_id and t.id = s.tax_profile_id""";

  private BillableService row(ResultSet rs, int n) throws SQLException {
    return new BillableService(
        rs.getObject("id", UUID.class),
        rs.getString("code"),
        rs.getString("name"),
        Kind.valueOf(rs.getString("kind")),
        new Money(rs.getLong("price_minor"), Currency.getInstance(rs.getString("currency"))),
        rs.getObject("tax_profile_id", UUID.class),
        rs.getBigDecimal("tax_rate"),
        rs.getBoolean("active"),
        rs.getInt("version"));
  }

  static ClinicId clinic() {
    return TenantContext.clinic();
  }

  /** The member acting, if a member acts (none when the system does). */
  static @Nullable UUID member() {
    return TenantContext.current()
        .map(TenantContext.Scope::user)
        .map(io.carebook.shared.UserId::value)
        .orElse(null);
  }

  static ProblemException conflict(String kind, String detail) {
    return new ProblemException(HttpStatus.CONFLICT, kind, detail);
  }
}
