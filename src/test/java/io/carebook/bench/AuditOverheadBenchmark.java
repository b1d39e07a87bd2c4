package io.carebook.bench;

import io.carebook.CarebookTest;
import io.carebook.OwnerDatabase;
import io.carebook.audit.AuditChain;
import io.carebook.shared.TenantId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

/**
 * What auditing costs a write: inserts per second into {@code patients} (audit trigger on) and into
 * an identical table without the trigger (same columns, indexes and row-level security), as the
 * application role, in alternating rounds so both see the same machine load; then the time the
 * chaining takes to link every audit row written (the scheduled chaining is held off meanwhile, so
 * that it neither competes with the inserts nor links the rows first). Run with {@code
 * bench/audit-overhead.sh}; not part of the test suite.
 */
@Tag("bench")
@CarebookTest
@TestPropertySource(properties = "carebook.audit.chain-interval=PT1H")
class AuditOverheadBenchmark {

  private static final int ROUNDS = 7;
  private static final int ROWS_PER_ROUND = 2000;
  private static final int ROWS_PER_TRANSACTION = 20;

  @Autowired DataSource dataSource;
  @Autowired Environment environment;
  @Autowired AuditChain chain;

  @Test
  void insertsPerSecondWithAndWithoutAuditing() throws Exception {
    var migrator = OwnerDatabase.jdbc(environment);
    var tenant = TenantId.random();
    migrator
        .sql("insert into tenants (id, name) values (?, 'Benchmark')")
        .param(tenant.value())
        .update();
    migrator.sql("drop table if exists bench_unaudited_patients").update();
    migrator.sql("create table bench_unaudited_patients (like patients including all)").update();
    migrator.sql("select enable_tenant_isolation('bench_unaudited_patients')").query().listOfRows();
    migrator
        .sql(
            "grant select, insert on bench_unaudited_patients to "
                + environment.getProperty("spring.datasource.username"))
        .update();
    try {
      insert("patients", tenant, 200); // warm up both paths
      insert("bench_unaudited_patients", tenant, 200);
      var audited = new ArrayList<Double>();
      var plain = new ArrayList<Double>();
      for (int round = 0; round < ROUNDS; round++) {
        audited.add(insert("patients", tenant, ROWS_PER_ROUND));
        plain.add(insert("bench_unaudited_patients", tenant, ROWS_PER_ROUND));
      }
      var started = System.nanoTime();
      var linked = chain.chain(tenant);
      var chaining = (System.nanoTime() - started) / 1e6;
      report(median(audited), median(plain), audited, plain, linked, chaining);
    } finally {
      migrator.sql("drop table bench_unaudited_patients").update();
    }
  }

  /**
   * Inserts {@code rows} rows in small transactions, as the app writes; returns rows per second.
   */
  private double insert(String table, TenantId tenant, int rows) throws Exception {
    var sql =
        "insert into "
            + table
            + " (tenant_id, id, full_name, name_normalized, phone_e164)"
            + " values (?, ?, ?, ?, ?)";
    var started = System.nanoTime();
    try (var connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (var settings =
              connection.prepareStatement(
                  "select set_config('app.tenant_id', ?, true), set_config('app.actor_type', 'SYSTEM', true)");
          var insert = connection.prepareStatement(sql)) {
        for (int i = 0; i < rows; i++) {
          if (i % ROWS_PER_TRANSACTION == 0) {
            settings.setString(1, tenant.toString());
            settings.execute();
          }
          insert.setObject(1, tenant.value());
          insert.setObject(2, UUID.randomUUID());
          insert.setString(3, "Bench Patient " + i);
          insert.setString(4, "bench patient " + i);
          insert.setString(5, "+2010" + String.format("%08d", (int) (Math.random() * 1e8)));
          // (the patients side also numbers each row at commit, V1290: one small insert more)
          insert.executeUpdate();
          if (i % ROWS_PER_TRANSACTION == ROWS_PER_TRANSACTION - 1) {
            connection.commit();
          }
        }
        connection.commit();
      }
    }
    return rows / ((System.nanoTime() - started) / 1e9);
  }

  private static double median(List<Double> values) {
    var sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  private static void report(
      double audited, double plain, List<Double> a, List<Double> p, int linked, double chainingMs)
      throws Exception {
    var text =
        String.format(
            """
            audit overhead: %d rounds x %d single-row inserts, %d per transaction
            with auditing:    median %.0f inserts/s   rounds %s
            without auditing: median %.0f inserts/s   rounds %s
            ratio with/without: %.2f  (cost per insert: %+.0f%%)
            chaining: %d rows linked in %.0f ms (%.3f ms per row)
            """,
            ROUNDS,
            ROWS_PER_ROUND,
            ROWS_PER_TRANSACTION,
            audited,
            rounded(a),
            plain,
            rounded(p),
            audited / plain,
            (plain / audited - 1) * 100,
            linked,
            chainingMs,
            chainingMs / Math.max(1, linked));
    System.out.println(text);
    var out = Path.of("target/bench/audit-overhead.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, text);
  }

  private static List<Long> rounded(List<Double> values) {
    return values.stream().map(Math::round).toList();
  }
}
