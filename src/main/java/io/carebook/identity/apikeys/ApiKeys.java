package io.carebook.identity.apikeys;

import io.carebook.identity.PermissionMatrix;
import io.carebook.identity.Role;
import io.carebook.identity.members.CurrentMember;
import io.carebook.shared.ClinicId;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.ProblemException;
import io.carebook.shared.Secrets;
import io.carebook.shared.TenantId;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Plan;
import io.carebook.tenancy.Subscriptions;
import io.carebook.tenancy.TenantContext;
import io.carebook.tenancy.TenantTransactions;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys for integrations and AI agents. A key acts in one clinic with the actions it was given,
 * which are never more than its creator may take, and only among those an unattended program should
 * take. It is worth no more than its creator's membership: on every request the creator must still
 * be an active member of the key's clinic and still may take every action of the key, else the key
 * stops working; and each action is then judged by the matrix over the creator's roles, visit state
 * included. Reading charts is a scope of its own ({@link Action#CHART_READ}), never implied by
 * seeing patients. The key is shown once; only its hash is stored.
 */
@Service
public class ApiKeys {

  /**
   * What a key may be given: day-to-day work, never staff, settings, money or clinical signing;
   * reading charts only when chosen by name.
   */
  public static final Set<Action> GRANTABLE =
      EnumSet.of(
          Action.PATIENT_VIEW,
          Action.PATIENT_REGISTER,
          Action.PATIENT_EDIT,
          Action.BOOKING,
          Action.CHECK_IN,
          Action.REPORTS_VIEW,
          Action.CHART_READ);

  private static final String PREFIX = "cbk_";
  private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

  private final JdbcClient jdbc;
  private final Clock clock;
  private final TenantTransactions tenants;
  private final Subscriptions subscriptions;

  ApiKeys(JdbcClient jdbc, Clock clock, TenantTransactions tenants, Subscriptions subscriptions) {
    this.subscriptions = subscriptions;
    this.jdbc = jdbc;
    this.clock = clock;
    this.tenants = tenants;
  }

  /** A key as its list shows it; the secret itself is never shown again. */
  public record Key(
      UUID id,
      String name,
      String prefix,
      Set<Action> actions,
      Instant createdAt,
      @Nullable Instant lastUsedAt,
      boolean revoked) {}

  /** A new key, with its secret, shown once. */
  public record Created(UUID id, String name, String secret, Set<Action> actions) {}

  /**
   * The agent behind a presented key. {@code apiAccess}: whether the plan of the key's clinic
   * includes API access now; {@code creatorRoles}: the roles its creator holds in the key's clinic
   * now (none once the membership is suspended or removed).
   */
  public record Agent(
      UUID keyId,
      TenantId tenantId,
      ClinicId clinicId,
      Set<Action> actions,
      boolean apiAccess,
      Set<Role> creatorRoles) {

    /** Whether the creator still may take every action of the key: else the key has lapsed. */
    public boolean backedByItsCreator() {
      return withinRoles(actions, creatorRoles);
    }
  }

  /** Whether members holding {@code roles} may take each of {@code actions}. */
  static boolean withinRoles(Set<Action> actions, Set<Role> roles) {
    return !roles.isEmpty()
        && actions.stream()
            .allMatch(a -> PermissionMatrix.allows(roles, a, io.carebook.shared.VisitState.NONE));
  }

  @Transactional
  public Created create(String name, Set<Action> actions) {
    var creator = CurrentMember.required();
    var active = creator.active();
    if (active == null) {
      throw new NotFoundException("Clinic");
    }
    if (actions.isEmpty() || !GRANTABLE.containsAll(actions)) {
      throw ProblemException.invalid("actions", "choose among " + GRANTABLE);
    }
    var beyondCreator =
        actions.stream().filter(a -> !withinRoles(Set.of(a), active.roles())).toList();
    if (!beyondCreator.isEmpty()) {
      throw new ProblemException(
          HttpStatus.FORBIDDEN, "forbidden", "A key cannot do what you may not: " + beyondCreator);
    }
    if (!subscriptions.plan(active.clinicId()).includes(Plan.Feature.API_ACCESS)) {
      throw new ProblemException(
          HttpStatus.FORBIDDEN,
          "plan-feature",
          "API keys need a plan with API access; upgrade the clinic's plan to create one.");
    }
    var id = UUID.randomUUID();
    var secret = PREFIX + Secrets.randomToken();
    jdbc.sql(
            """
            insert into api_keys (tenant_id, id, clinic_id, name, prefix, key_hash, actions, created_by)
            values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            active.tenantId().value(),
            id,
            active.clinicId().value(),
            name.trim(),
            secret.substring(0, PREFIX.length() + 6),
            Secrets.sha256(secret),
            actions.stream().map(Action::name).sorted().toArray(String[]::new),
            creator.userId().value())
        .update();
    return new Created(id, name.trim(), secret, actions);
  }

  @Transactional(readOnly = true)
  public List<Key> ofActiveClinic() {
    return jdbc.sql("select * from api_keys where clinic_id = ? order by created_at desc")
        .param(TenantContext.clinic().value())
        .query(
            (rs, n) ->
                new Key(
                    rs.getObject("id", UUID.class),
                    rs.getString("name"),
                    rs.getString("prefix"),
                    actions((String[]) rs.getArray("actions").getArray()),
                    rs.getTimestamp("created_at").toInstant(),
                    rs.getTimestamp("last_used_at") == null
                        ? null
                        : rs.getTimestamp("last_used_at").toInstant(),
                    rs.getTimestamp("revoked_at") != null))
        .list();
  }

  @Transactional
  public void revoke(UUID key) {
    var revoked =
        jdbc.sql(
                "update api_keys set revoked_at = ? where id = ? and clinic_id = ? and revoked_at is null")
            .params(Timestamp.from(clock.instant()), key, TenantContext.clinic().value())
            .update();
    if (revoked == 0) {
      throw new NotFoundException("API key");
    }
  }

  /** Whether the active clinic's plan includes API access. */
  @Transactional(readOnly = true)
  public boolean planAllowsHere() {
    return subscriptions.plan(TenantContext.clinic()).includes(Plan.Feature.API_ACCESS);
  }

  /**
   * The agent a presented secret stands for, or empty when it is unknown or revoked. Whether its
   * creator still backs it is for the caller to check ({@link Agent#backedByItsCreator()}). One
   * statement outside any transaction (the {@code api_key_agent} resolver), nothing cached: a key
   * revoked, or whose creator lost the clinic or the rights, on any instance, fails on the next
   * request. The time of use is written at most once a minute, in a transaction of its own.
   */
  Optional<Agent> authenticate(String secret) {
    if (!looksLikeKey(secret)) {
      return Optional.empty();
    }
    record Found(Agent agent, @Nullable Instant lastUsedAt) {}
    var found =
        jdbc.sql("select * from api_key_agent(?)")
            .param(Secrets.sha256(secret))
            .query(
                (rs, n) -> {
                  var lastUsed = rs.getTimestamp("last_used_at");
                  return new Found(
                      new Agent(
                          rs.getObject("key_id", UUID.class),
                          new TenantId(rs.getObject("tenant_id", UUID.class)),
                          new ClinicId(rs.getObject("clinic_id", UUID.class)),
                          actions((String[]) rs.getArray("actions").getArray()),
                          Plan.valueOf(rs.getString("plan")).includes(Plan.Feature.API_ACCESS),
                          roles(rs.getArray("creator_roles"))),
                      lastUsed == null ? null : lastUsed.toInstant());
                })
            .optional();
    found
        .filter(f -> f.lastUsedAt() == null || f.lastUsedAt().isBefore(lastUsedDue()))
        .ifPresent(
            f ->
                tenants.as(
                    TenantContext.Scope.agent(f.agent().tenantId(), null, null),
                    () -> touch(f.agent())));
    return found.map(Found::agent);
  }

  /** Whether a presented secret is shaped like one of our keys (not an access token). */
  static boolean looksLikeKey(String secret) {
    return secret.startsWith(PREFIX);
  }

  private Instant lastUsedDue() {
    return clock.instant().minus(LAST_USED_PRECISION);
  }

  /** Records the time of use, to the minute, so a busy agent does not write on every call. */
  private void touch(Agent agent) {
    var now = clock.instant();
    jdbc.sql(
            "update api_keys set last_used_at = ? where id = ?"
                + " and (last_used_at is null or last_used_at < ?)")
        .params(Timestamp.from(now), agent.keyId(), Timestamp.from(now.minus(LAST_USED_PRECISION)))
        .update();
  }

  private static Set<Role> roles(java.sql.@Nullable Array names) throws java.sql.SQLException {
    var roles = EnumSet.noneOf(Role.class);
    if (names != null) {
      Arrays.stream((String[]) names.getArray()).map(Role::valueOf).forEach(roles::add);
    }
    return roles;
  }

  private static Set<Action> actions(String[] names) {
    var actions = EnumSet.noneOf(Action.class);
    Arrays.stream(names).map(Action::valueOf).forEach(actions::add);
    return actions;
  }
}
