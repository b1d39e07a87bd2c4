package io.carebook.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import io.carebook.tenancy.TenantContext.Scope;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A read sent with its tenant in one round trip sees that tenant's rows and no other's, sees none
 * without a tenant, and leaves nothing of its tenant on the connection for the next statement.
 */
@CarebookTest
class OneStatementReadsTests {

  /** With a timestamp and a date, which the driver would send untyped. */
  private static final String CLINICS =
      "select id from clinics where id in (:a, :b) and :since < now() and :day < current_date"
          + " order by id";

  @Autowired TestOrganizations organizations;
  @Autowired DataSource dataSource;
  @Autowired OneStatementReads reads;
  @Autowired PlatformTransactionManager transactions;
  @LocalServerPort int port;

  @Test
  void aReadSeesItsTenantsRowsOnlyAndLeavesNothingOnTheConnection() throws Exception {
    var a = organizations.signUp(new Api(port));
    var b = organizations.signUp(new Api(port));
    var ids = parameters(a, b);
    try (var connection = dataSource.getConnection()) {
      var one = new SingleConnectionDataSource(connection, true);
      var alone = new OneStatementReads(new NamedParameterJdbcTemplate(one));
      var jdbc = new NamedParameterJdbcTemplate(one);

      // past the driver's prepare threshold too, where the statements become server-prepared (and
      // an untyped parameter would make the driver ask for its type, ending the transaction)
      for (int i = 1; i <= 12; i++) {
        var seen =
            TenantContext.call(
                Scope.agent(a.tenant(), a.clinic(), null),
                () -> alone.query(CLINICS, ids, (rs, n) -> rs.getObject(1, UUID.class)));
        assertThat(seen).as("read %d", i).containsExactly(a.clinic().value());
      }

      var afterwards =
          jdbc.queryForObject(
              "select coalesce(current_setting('app.tenant_id', true), '')",
              Map.of(),
              String.class);
      assertThat(afterwards).as("the tenant ends with the statement").isEmpty();
      assertThat(jdbc.queryForList(CLINICS, ids)).isEmpty();

      var anonymous = alone.query(CLINICS, ids, (rs, n) -> rs.getObject(1, UUID.class));
      assertThat(anonymous).as("no tenant, no rows").isEmpty();
    }
  }

  @Test
  void insideATransactionTheReadUsesItsSettings() {
    var a = organizations.signUp(new Api(port));
    var b = organizations.signUp(new Api(port));
    var ids = parameters(a, b);
    var seen =
        TenantContext.call(
            Scope.system(b.tenant(), b.clinic()),
            () ->
                new TransactionTemplate(transactions)
                    .execute(
                        status ->
                            reads.query(CLINICS, ids, (rs, n) -> rs.getObject(1, UUID.class))));
    assertThat(seen).containsExactly(b.clinic().value());
  }

  private static Map<String, Object> parameters(
      TestOrganizations.Owner a, TestOrganizations.Owner b) {
    return Map.of(
        "a", a.clinic().value(),
        "b", b.clinic().value(),
        "since", Timestamp.from(Instant.EPOCH),
        "day", Date.valueOf("2000-01-01"));
  }
}
