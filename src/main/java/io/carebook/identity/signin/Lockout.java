package io.carebook.identity.signin;

import io.carebook.shared.UserId;
import io.carebook.tenancy.TenantTransactions;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins, counted in PostgreSQL so every app instance enforces the same locks, and how
 * long the next attempt must wait:
 *
 * <ul>
 *   <li>an account from one address: after {@value #PAIR_MAX_FAILURES} failures within a day, 15
 *       minutes, doubling with each further failure up to 16 hours. Another address is not
 *       affected, so a stranger's wrong passwords do not lock the owner out;
 *   <li>an account from anywhere: {@value #ACCOUNT_MAX_FAILURES} failures within 15 minutes (an
 *       attack from many addresses) lock it until the oldest of them is 15 minutes old; the owner
 *       still gets in by a sign-in link sent to the account's e-mail ({@link SignInLinks});
 *   <li>an address: {@value #ADDRESS_MAX_FAILURES} failures within 15 minutes, whatever the
 *       accounts (password spraying).
 * </ul>
 */
@Component
public class Lockout {

  static final int PAIR_MAX_FAILURES = 5;
  static final Duration PAIR_FIRST_LOCK = Duration.ofMinutes(15);
  static final int PAIR_MAX_DOUBLINGS = 6;
  static final Duration PAIR_MEMORY = Duration.ofDays(1);
  static final int ACCOUNT_MAX_FAILURES = 20;
  static final int ADDRESS_MAX_FAILURES = 20;
  static final Duration WINDOW = Duration.ofMinutes(15);

  private final JdbcClient jdbc;
  private final Clock clock;
  private final TenantTransactions tenants;

  Lockout(JdbcClient jdbc, Clock clock, TenantTransactions tenants) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.tenants = tenants;
  }

  /** How long a sign-in to {@code user} from {@code address} must wait; empty when it may try. */
  Optional<Duration> wait(@Nullable UserId user, String address) {
    var now = clock.instant();
    return tenants.beforeTenant(
        () ->
            Stream.of(
                    pairWait(user, address, now), accountWait(user, now), addressWait(address, now))
                .flatMap(Optional::stream)
                .max(Comparator.naturalOrder()));
  }

  void failed(@Nullable UserId user, String address) {
    tenants.beforeTenant(
        () ->
            jdbc.sql("insert into sign_in_failures (user_id, address, failed_at) values (?, ?, ?)")
                .params(
                    user == null ? null : user.value(), address, Timestamp.from(clock.instant()))
                .update());
  }

  /**
   * A right password from an address clears that address's count for the account, and no other: an
   * attacker elsewhere keeps their lock.
   */
  void succeeded(UserId user, String address) {
    tenants.beforeTenant(
        () ->
            jdbc.sql("delete from sign_in_failures where user_id = ? and address = ?")
                .params(user.value(), address)
                .update());
  }

  /** Failures older than the longest memory count for nothing: removed. */
  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
  void forgetOldFailures() {
    tenants.beforeTenant(
        () ->
            jdbc.sql("delete from sign_in_failures where failed_at < ?")
                .param(Timestamp.from(clock.instant().minus(PAIR_MEMORY)))
                .update());
  }

  private Optional<Duration> pairWait(@Nullable UserId user, String address, Instant now) {
    if (user == null) {
      return Optional.empty();
    }
    var counted =
        jdbc.sql(
                "select count(*) as n, max(failed_at) as last from sign_in_failures"
                    + " where user_id = ? and address = ? and failed_at > ?")
            .params(user.value(), address, Timestamp.from(now.minus(PAIR_MEMORY)))
            .query((rs, n) -> new Count(rs.getInt("n"), instant(rs.getTimestamp("last"))))
            .single();
    if (counted.failures() < PAIR_MAX_FAILURES) {
      return Optional.empty();
    }
    var doublings = Math.min(counted.failures() - PAIR_MAX_FAILURES, PAIR_MAX_DOUBLINGS);
    return until(counted.at().plus(PAIR_FIRST_LOCK.multipliedBy(1L << doublings)), now);
  }

  private Optional<Duration> accountWait(@Nullable UserId user, Instant now) {
    if (user == null) {
      return Optional.empty();
    }
    return windowWait("user_id = ?", user.value(), ACCOUNT_MAX_FAILURES, now);
  }

  private Optional<Duration> addressWait(String address, Instant now) {
    return windowWait("address = ?", address, ADDRESS_MAX_FAILURES, now);
  }

  /** Locked while {@code max} failures fall within the window: until the oldest leaves it. */
  private Optional<Duration> windowWait(String where, Object key, int max, Instant now) {
    var counted =
        jdbc.sql(
                "select count(*) as n, min(failed_at) as first from sign_in_failures where "
                    + where
                    + " and failed_at > ?")
            .params(key, Timestamp.from(now.minus(WINDOW)))
            .query((rs, n) -> new Count(rs.getInt("n"), instant(rs.getTimestamp("first"))))
            .single();
    return counted.failures() >= max ? until(counted.at().plus(WINDOW), now) : Optional.empty();
  }

  private record Count(int failures, Instant at) {}

  private static Optional<Duration> until(Instant end, Instant now) {
    return end.isAfter(now) ? Optional.of(Duration.between(now, end)) : Optional.empty();
  }

  private static Instant instant(@Nullable Timestamp timestamp) {
    return timestamp == null ? Instant.EPOCH : timestamp.toInstant();
  }
}
