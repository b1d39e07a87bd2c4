package io.carebook.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.CarebookTest;
import io.carebook.OwnerDatabase;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads PostgreSQL's catalog so that no table can slip past tenant isolation: a new table either
 * carries {@code tenant_id} under forced row-level security and the one policy, or is named in
 * {@link NamedExceptions}.
 */
@CarebookTest
class TenantIsolationCoverageTests {

  private static final String POLICY =
      "(tenant_id = (NULLIF(current_setting('app.tenant_id'::text, true), ''::text))::uuid)";

  @Autowired Environment environment;
  JdbcClient catalog;

  @BeforeEach
  void connect() {
    catalog = OwnerDatabase.jdbc(environment);
  }

  @Test
  void everyTableWithTenantIdHasForcedRowLevelSecurityAndThePolicy() {
    var tables = tenantTables();
    assertThat(tables).contains("clinics", "memberships", "patients", "outbox_messages");
    for (var table : tables) {
      var security =
          catalog
              .sql(
                  "select relrowsecurity, relforcerowsecurity from pg_class"
                      + " where oid = ('public.' || ?)::regclass")
              .param(table)
              .query((rs, n) -> List.of(rs.getBoolean(1), rs.getBoolean(2)))
              .single();
      assertThat(security).as("RLS enabled and forced on %s", table).containsExactly(true, true);
      var policies =
          catalog
              .sql(
                  "select cmd, permissive, qual, with_check from pg_policies"
                      + " where schemaname = 'public' and tablename = ?")
              .param(table)
              .query(
                  (rs, n) ->
                      List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
              .list();
      assertThat(policies)
          .as("the one tenant policy on %s", table)
          .containsExactly(List.of("ALL", "PERMISSIVE", POLICY, POLICY));
    }
  }

  @Test
  void everyTableWithoutTenantIdIsANamedException() {
    var global =
        catalog
            .sql(
                """
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind in ('r', 'p')
                  and not exists (select 1 from pg_attribute a where a.attrelid = c.oid
                                  and a.attname = 'tenant_id' and not a.attisdropped)""")
            .query(String.class)
            .list();
    assertThat(NamedExceptions.GLOBAL_TABLES).containsAll(global);
  }

  @Test
  void tenantIdLeadsEveryPrimaryKeyUniqueConstraintAndForeignKeyBetweenTenantTables() {
    var tenantTables = Set.copyOf(tenantTables());
    var keys =
        catalog
            .sql(
                """
                select c.conrelid::regclass::text, c.conname, c.contype,
                       (select a.attname from pg_attribute a
                        where a.attrelid = c.conrelid and a.attnum = c.conkey[1]),
                       coalesce(c.confrelid::regclass::text, '')
                from pg_constraint c join pg_namespace n on n.oid = c.connamespace
                where n.nspname = 'public' and c.contype in ('p', 'u', 'f')""")
            .query(
                (rs, n) ->
                    List.of(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5)))
            .list();
    for (var key : keys) {
      var table = key.get(0);
      var referenced = key.get(4);
      var tenantToTenant = "f".equals(key.get(2)) && tenantTables.contains(referenced);
      var ownKey = !"f".equals(key.get(2));
      if (tenantTables.contains(table) && (ownKey || tenantToTenant)) {
        assertThat(key.get(3))
            .as("first column of %s on %s", key.get(1), table)
            .isEqualTo("tenant_id");
      }
    }
  }

  @Test
  void theApplicationRoleOwnsNothingAndCannotBypassRowLevelSecurity() {
    var role = environment.getRequiredProperty("spring.datasource.username");
    var flags =
        catalog
            .sql("select rolsuper, rolbypassrls from pg_roles where rolname = ?")
            .param(role)
            .query((rs, n) -> List.of(rs.getBoolean(1), rs.getBoolean(2)))
            .single();
    assertThat(flags).containsExactly(false, false);
    var owned =
        catalog
            .sql(
                "select count(*) from pg_class c join pg_roles r on r.oid = c.relowner"
                    + " where r.rolname = ?")
            .param(role)
            .query(Long.class)
            .single();
    assertThat(owned).isZero();
  }

  @Test
  void everySecurityDefinerFunctionIsANamedResolver() {
    var definers =
        catalog
            .sql(
                """
                select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                where n.nspname = 'public' and p.prosecdef""")
            .query(String.class)
            .list();
    assertThat(NamedExceptions.RESOLVERS).containsAll(definers);
  }

  private List<String> tenantTables() {
    return catalog
        .sql(
            """
            select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
            join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
            where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1""")
        .query(String.class)
        .list();
  }
}
