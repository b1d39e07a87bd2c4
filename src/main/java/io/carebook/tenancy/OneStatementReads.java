package io.carebook.tenancy;

import io.carebook.tenancy.TenantContext.Scope;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.RowMapperResultSetExtractor;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A read that is one statement, sent with the current {@link TenantContext} in one round trip and
 * no transaction of its own: {@code tenant_scope} (V1307) applies the tenant's settings with {@code
 * SET LOCAL}, as every transaction does, in the implicit transaction that PostgreSQL keeps open
 * until the protocol's Sync, and the query sent with it before that Sync reads inside it. A
 * read-only transaction cost three round trips around its query (the settings with BEGIN, the
 * query, COMMIT) and the transaction manager's work on both sides; this costs one.
 *
 * <p>The same guarantees as a transaction for a single statement: row-level security sees the
 * tenant from the query's first row, and nothing outlives the statement on the pooled connection.
 * Inside a transaction already open the query is simply sent in it, under that transaction's
 * settings. Only for reads of one statement: a second statement would run without the tenant.
 *
 * <p>Every parameter goes with its type. The driver sends a {@link Timestamp} or a null untyped,
 * and once it prepares the statement on the server it asks for the types it lacks with a Sync of
 * its own, between the two statements: the tenant's transaction would end there and the query would
 * see no tenant (no rows: fail closed, but wrong). So instants and timestamps are sent as {@code
 * timestamptz}, {@link java.sql.Date}s as dates, and a null is refused.
 */
@Component
public class OneStatementReads {

  private static final String SCOPE =
      "select tenant_scope(:scopeTenant, :scopeClinic, :scopeUser, :scopeActor);\n";

  private final NamedParameterJdbcTemplate jdbc;

  OneStatementReads(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The rows of {@code sql} (named parameters, none null), read as the current scope. */
  public <T> List<T> query(String sql, Map<String, ?> parameters, RowMapper<T> rows) {
    var extractor = new RowMapperResultSetExtractor<>(rows);
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      return jdbc.query(sql, parameters, extractor);
    }
    var scope = TenantContext.current().orElse(Scope.anonymous());
    var typed = new HashMap<String, Object>();
    parameters.forEach((name, value) -> typed.put(name, typed(name, value)));
    typed.put("scopeTenant", text(scope.tenant()));
    typed.put("scopeClinic", text(scope.clinic()));
    typed.put("scopeUser", text(scope.user()));
    typed.put("scopeActor", scope.actor().name());
    return jdbc.execute(
        SCOPE + sql,
        typed,
        (PreparedStatement statement) -> {
          statement.execute(); // the scope's one row, then the query's
          if (!statement.getMoreResults()) {
            throw new SQLException("the read after tenant_scope answered no rows: " + sql);
          }
          try (var result = statement.getResultSet()) {
            return extractor.extractData(result);
          }
        });
  }

  private static Object typed(String name, @Nullable Object value) {
    return switch (value) {
      case null -> throw new IllegalArgumentException(name + " is null: it would go untyped");
      case Timestamp t -> t.toInstant().atOffset(ZoneOffset.UTC);
      case Instant i -> i.atOffset(ZoneOffset.UTC);
      case java.sql.Date d -> d.toLocalDate();
      default -> value;
    };
  }

  private static String text(@Nullable Object id) {
    return id == null ? "" : Objects.toString(id); // an id prints its UUID
  }
}
