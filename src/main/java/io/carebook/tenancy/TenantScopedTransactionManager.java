package io.carebook.tenancy;

import io.carebook.tenancy.TenantContext.Scope;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Begins every transaction by copying the {@link TenantContext} into PostgreSQL's transaction-local
 * settings ({@code app.tenant_id}, {@code app.clinic_id}, {@code app.user_id}, {@code
 * app.actor_type}). Transaction-local, so a pooled connection never carries one request's tenant
 * into the next.
 */
class TenantScopedTransactionManager extends JdbcTransactionManager {

  private static final String APPLY =
      "select set_config('app.tenant_id', ?, true), set_config('app.clinic_id', ?, true),"
          + " set_config('app.user_id', ?, true), set_config('app.actor_type', ?, true)";

  TenantScopedTransactionManager(DataSource dataSource) {
    super(dataSource);
  }

  @Override
  protected void prepareTransactionalConnection(Connection con, TransactionDefinition definition)
      throws SQLException {
    super.prepareTransactionalConnection(con, definition);
    var scope = TenantContext.current().orElse(Scope.anonymous());
    try (var statement = con.prepareStatement(APPLY)) {
      statement.setString(1, text(scope.tenant()));
      statement.setString(2, text(scope.clinic()));
      statement.setString(3, text(scope.user()));
      statement.setString(4, scope.actor().name());
      statement.execute();
    }
  }

  private static String text(Object id) {
    return Objects.toString(id, "");
  }
}
