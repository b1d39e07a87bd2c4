package io.carebook.identity;

import io.carebook.shared.UserId;
import io.carebook.tenancy.TenantContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Five failed sign-ins within fifteen minutes lock the account, and separately the address they
 * came from, until the oldest of them is fifteen minutes old. Counted in PostgreSQL, so every app
 * instance enforces the same lock.
 */
@Component
class Lockout {

  static final int MAX_FAILURES = 5;
  static final Duration WINDOW = Duration.ofMinutes(15);

  private final JdbcClient jdbc;
  private final Clock clock;
  private final TransactionTemplate transaction;

  Lockout(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactions);
  }

  boolean lockedOut(@Nullable UserId user, String address) {
    var since = Timestamp.from(clock.instant().minus(WINDOW));
    return inTransaction(
        () ->
            jdbc.sql(
                    """
                    select (select count(*) from sign_in_failures
                            where user_id = ? and failed_at > ?) >= ?
                        or (select count(*) from sign_in_failures
                            where address = ? and failed_at > ?) >= ?""")
                .params(
                    user == null ? null : user.value(),
                    since,
                    MAX_FAILURES,
                    address,
                    since,
                    MAX_FAILURES)
                .query(Boolean.class)
                .single());
  }

  void failed(@Nullable UserId user, String address) {
    inTransaction(
        () ->
            jdbc.sql("insert into sign_in_failures (user_id, address, failed_at) values (?, ?, ?)")
                .params(
                    user == null ? null : user.value(), address, Timestamp.from(clock.instant()))
                .update());
  }

  /** A successful sign-in clears the account's count (not the address's). */
  void succeeded(UserId user) {
    inTransaction(
        () ->
            jdbc.sql("delete from sign_in_failures where user_id = ?")
                .param(user.value())
                .update());
  }

  private <T> T inTransaction(java.util.function.Supplier<T> work) {
    return TenantContext.call(
        TenantContext.Scope.anonymous(), () -> transaction.execute(status -> work.get()));
  }
}
