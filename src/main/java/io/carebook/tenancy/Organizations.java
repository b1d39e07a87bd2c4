package io.carebook.tenancy;

import io.carebook.shared.ClinicId;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The facade of the tenancy module: opens organizations and clinics, reads the clinics of the
 * current tenant, and changes subscription status. Every method runs inside the current {@link
 * TenantContext}; row-level security hides other tenants' clinics.
 */
@Service
public class Organizations {

  private static final String CLINIC_COLUMNS =
      "tenant_id, id, name, slug, timezone, locale, currency, country, subscription_status,"
          + " trial_ends_at, past_due_since, active, address, phone";

  /** Health records law in most of our markets asks for at least this. */
  public static final int MINIMUM_AUDIT_RETENTION_YEARS = 7;

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final ClinicSlugs slugs;

  Organizations(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
    this.jdbc = jdbc;
    this.events = events;
    this.clock = clock;
    this.slugs = new ClinicSlugs(jdbc);
  }

  /**
   * Opens an organization with its first clinic, whose trial starts now. Must run with {@code
   * tenant} bound in the {@link TenantContext}.
   */
  @Transactional
  public Clinic open(TenantId tenant, String organizationName, ClinicId clinic, NewClinic spec) {
    requireBound(tenant);
    jdbc.sql("insert into tenants (id, name) values (?, ?)")
        .params(tenant.value(), organizationName.trim())
        .update();
    return addClinic(clinic, spec);
  }

  /** Adds a clinic to the current organization; its own trial starts now. */
  @Transactional
  public Clinic addClinic(ClinicId clinic, NewClinic spec) {
    requireBound(TenantContext.tenant());
    var tenant = TenantContext.tenant();
    var trialEndsAt = clock.instant().plus(SubscriptionStatus.TRIAL_LENGTH);
    var slug = slugs.reserve(spec.name(), tenant, clinic);
    jdbc.sql(
            """
            insert into clinics (tenant_id, id, name, slug, timezone, locale, currency, country,
                                 subscription_status, trial_ends_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, 'TRIAL', ?)""")
        .params(
            tenant.value(),
            clinic.value(),
            spec.name().trim(),
            slug,
            spec.timezone().getId(),
            spec.locale().getLanguage(),
            spec.currency(),
            spec.country(),
            Timestamp.from(trialEndsAt))
        .update();
    events.publishEvent(new ClinicCreated(tenant, clinic, trialEndsAt));
    return find(clinic).orElseThrow();
  }

  @Transactional(readOnly = true)
  public Optional<Clinic> find(ClinicId clinic) {
    return jdbc.sql("select " + CLINIC_COLUMNS + " from clinics where id = ?")
        .param(clinic.value())
        .query(Organizations::clinic)
        .optional();
  }

  /** The clinic the current work acts in. */
  @Transactional(readOnly = true)
  public Clinic activeClinic() {
    return find(TenantContext.clinic()).orElseThrow(() -> new NotFoundException("Clinic"));
  }

  /** The clinics of the current organization. */
  @Transactional(readOnly = true)
  public List<Clinic> clinics() {
    return jdbc.sql("select " + CLINIC_COLUMNS + " from clinics order by name")
        .query(Organizations::clinic)
        .list();
  }

  /** Moves a clinic of the current organization to a new subscription status. */
  @Transactional
  public void changeSubscriptionStatus(ClinicId clinic, SubscriptionStatus status) {
    var pastDueSince =
        status == SubscriptionStatus.PAST_DUE ? Timestamp.from(clock.instant()) : null;
    var changed =
        jdbc.sql("update clinics set subscription_status = ?, past_due_since = ? where id = ?")
            .params(status.name(), pastDueSince, clinic.value())
            .update();
    if (changed == 0) {
      throw new NotFoundException("Clinic");
    }
  }

  /** How many years the current organization keeps its audit trail (at least seven). */
  @Transactional(readOnly = true)
  public int auditRetentionYears() {
    return jdbc.sql("select audit_retention_years from tenants where id = ?")
        .param(TenantContext.tenant().value())
        .query(Integer.class)
        .single();
  }

  /** Keeps the current organization's audit trail longer; never less than seven years. */
  @Transactional
  public void keepAuditFor(int years) {
    if (years < MINIMUM_AUDIT_RETENTION_YEARS || years > 100) {
      throw io.carebook.shared.ProblemException.invalid(
          "years", "must be between " + MINIMUM_AUDIT_RETENTION_YEARS + " and 100");
    }
    jdbc.sql("update tenants set audit_retention_years = ? where id = ?")
        .params(years, TenantContext.tenant().value())
        .update();
  }

  /** Every organization, whatever its status: for jobs that must visit them all. */
  public List<TenantId> allTenants() {
    return jdbc.sql("select id from tenants order by created_at")
        .query((rs, n) -> new TenantId(rs.getObject(1, java.util.UUID.class)))
        .list();
  }

  /** Whether any organization exists yet (a first start). */
  public boolean anyOrganization() {
    return jdbc.sql("select exists (select 1 from tenants)").query(Boolean.class).single();
  }

  private static void requireBound(TenantId tenant) {
    var bound = TenantContext.current().map(TenantContext.Scope::tenant).orElse(null);
    if (!tenant.equals(bound)) {
      throw new IllegalStateException("open() must run inside the new tenant's context");
    }
  }

  static Clinic clinic(ResultSet rs, int row) throws SQLException {
    return new Clinic(
        new TenantId(rs.getObject("tenant_id", java.util.UUID.class)),
        new ClinicId(rs.getObject("id", java.util.UUID.class)),
        rs.getString("name"),
        rs.getString("slug"),
        ZoneId.of(rs.getString("timezone")),
        Locale.forLanguageTag(rs.getString("locale")),
        rs.getString("currency"),
        rs.getString("country"),
        SubscriptionStatus.valueOf(rs.getString("subscription_status")),
        instant(rs.getTimestamp("trial_ends_at")),
        instant(rs.getTimestamp("past_due_since")),
        rs.getBoolean("active"),
        rs.getString("address"),
        rs.getString("phone"));
  }

  private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  // fhir: the organization's name, for its FHIR Organization

  /** The current organization's name. */
  @Transactional(readOnly = true)
  public String name() {
    return jdbc.sql("select name from tenants where id = ?")
        .param(TenantContext.tenant().value())
        .query(String.class)
        .single();
  }
}
