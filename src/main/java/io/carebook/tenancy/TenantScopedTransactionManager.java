package io.carebook.tenancy;

import io.carebook.tenancy.TenantContext.Scope;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Begins every transaction by copying the {@link TenantContext} into PostgreSQL's transaction-local
 * settings ({@code app.tenant_id}, {@code app.clinic_id}, {@code app.user_id}, {@code
 * app.actor_type}). Transaction-local, so a pooled connection never carries one request's tenant
 * into the next. They are applied with {@code SET LOCAL} commands rather than {@code set_config()}:
 * on a Citus cluster only SET commands reach the worker nodes ({@code citus.propagate_set_commands
 * = 'local'}), where row-level security would otherwise see no tenant. SET takes no bind
 * parameters, so every value is checked to be a UUID (or the actor's name) before it is written
 * into the command.
 */
class TenantScopedTransactionManager extends JdbcTransactionManager {

  private static final Pattern UUID_TEXT =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern ACTOR = Pattern.compile("[A-Z_]+");

  TenantScopedTransactionManager(DataSource dataSource) {
    super(dataSource);
  }

  @Override
  protected void prepareTransactionalConnection(Connection con, TransactionDefinition definition)
      throws SQLException {
    super.prepareTransactionalConnection(con, definition);
    var scope = TenantContext.current().orElse(Scope.anonymous());
    try (var statement = con.createStatement()) {
      statement.execute(apply(scope));
    }
  }

  /** The SET LOCAL commands for {@code scope}, each value checked before it is written in. */
  static String apply(Scope scope) {
    return "set local app.tenant_id = '%s'; set local app.clinic_id = '%s';"
            .formatted(id(scope.tenant()), id(scope.clinic()))
        + " set local app.user_id = '%s'; set local app.actor_type = '%s'"
            .formatted(id(scope.user()), checked(scope.actor().name(), ACTOR));
  }

  private static String id(Object id) {
    var text = Objects.toString(id, "");
    return text.isEmpty() ? text : checked(text, UUID_TEXT);
  }

  private static String checked(String value, Pattern allowed) {
    if (!allowed.matcher(value).matches()) {
      throw new IllegalArgumentException("not a tenant setting: " + value);
    }
    return value;
  }
}
