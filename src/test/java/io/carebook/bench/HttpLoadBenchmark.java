package io.carebook.bench;

import io.carebook.CarebookTest;
import io.carebook.OwnerDatabase;
import io.carebook.shared.Secrets;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.context.TestPropertySource;

/**
 * The API under an open-model load (see BENCHMARKS.md; run with {@code bench/http.sh
 * [organizations] [doctors per organization] [appointments per doctor]}): the application on a real
 * port with the bench data bulk-loaded, an API key for every organization and the per-organization
 * rate limit at its production value (600 requests a minute, {@code -Dbench.organizationLimit} to
 * change it), driven by {@link LoadGenerator} in a JVM of its own at a constant arrival rate
 * ({@code bench.rate} requests a second for {@code bench.seconds}, after {@code
 * bench.warmUpSeconds}). Reported per operation: throughput, p50 / p99 from the intended send time,
 * answers by status; the CPU per request of the application's JVM, of its PostgreSQL server and of
 * the load generator; and, in the same run, the database's plain same-rows transaction rate and an
 * exclusion-constraint insert rate (pgbench when installed, else the JDBC equivalent, named as such
 * in the report).
 */
@Tag("bench")
@CarebookTest
@TestPropertySource(properties = "carebook.rate-limit.organization=${bench.organizationLimit:600}")
class HttpLoadBenchmark {

  @Autowired DataSource dataSource;
  @Autowired Environment environment;
  @LocalServerPort int port;

  @Test
  void mixedTrafficAtAConstantRate() throws Exception {
    var organizations = Integer.getInteger("bench.organizations", 20);
    var doctorsEach = Integer.getInteger("bench.doctors", 5);
    var appointmentsEach = Integer.getInteger("bench.appointments", 200);
    var rate = Integer.getInteger("bench.rate", 100);
    var seconds = Integer.getInteger("bench.seconds", 20);
    var warmUp = Integer.getInteger("bench.warmUpSeconds", 10);

    var started = System.nanoTime();
    var owner = (DriverManagerDataSource) OwnerDatabase.dataSource(environment);
    var loadConnection =
        new SingleConnectionDataSource(
            owner.getUrl(), owner.getUsername(), owner.getPassword(), true);
    List<BenchData.Doctor> doctors;
    List<String> plan;
    try {
      var migrator = JdbcClient.create(loadConnection);
      doctors = BenchData.load(migrator, organizations, doctorsEach, appointmentsEach);
      plan = plan(migrator, doctors);
    } finally {
      loadConnection.destroy();
    }
    var loadSeconds = (System.nanoTime() - started) / 1e9;
    startWhenAsked();
    var out = Path.of("target/bench");
    Files.createDirectories(out);
    var planFile = out.resolve("http-plan.txt");
    Files.write(planFile, plan);

    var results = out.resolve("http-requests.txt");
    var generator =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                LoadGenerator.class.getName(),
                "http://localhost:" + port,
                planFile.toString(),
                results.toString(),
                Integer.toString(rate),
                Integer.toString(seconds),
                Integer.toString(warmUp),
                System.getProperty("bench.mix", LoadGenerator.DEFAULT_MIX))
            .redirectErrorStream(true)
            .start();
    var lines =
        new BufferedReader(
            new InputStreamReader(generator.getInputStream(), StandardCharsets.UTF_8));
    await(lines, "MEASURING");
    var profile = BenchProfile.start("http", environment);
    var generatorCpu = BenchProfile.cpuSeconds(generator.pid());
    await(lines, "MEASURED");
    generatorCpu = BenchProfile.cpuSeconds(generator.pid()) - generatorCpu;
    var load = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    if (!generator.waitFor(1, TimeUnit.MINUTES) || generator.exitValue() != 0) {
      throw new IllegalStateException("the load generator failed");
    }
    var requests = Files.readString(results);
    var answered = answered(requests);
    var cpu = profile.stop(answered);
    var loadAverage = load.getSystemLoadAverage();

    // -Dbench.yardsticks=false: no plain transactions and exclusion inserts (A/B runs of one
    // change)
    var yardsticks = !"false".equals(System.getProperty("bench.yardsticks"));
    var sameRows =
        yardsticks
            ? String.format(
                "%.0f/s",
                new PlainTransactions(environment, dataSource)
                    .sameRows(64, Duration.ofSeconds(10), true))
            : "not measured";
    var exclusion =
        yardsticks
            ? ExclusionInserts.measure(environment, 16, Duration.ofSeconds(10))
            : "exclusion inserts: not measured";
    var counts =
        OwnerDatabase.jdbc(environment)
            .sql("select (select count(*) from appointments), (select count(*) from users)")
            .query((rs, n) -> rs.getLong(1) + " appointments, " + rs.getLong(2) + " users")
            .single();

    var report =
        String.format(
            """
            http: %d organizations x %d doctors x %d appointments (%s), loaded in %.0f s
            open model: %d requests/s for %d s after %d s of warm-up (mix %s), organization rate limit %s/min, load average %.1f at the end
            %s\
            CPU per request (the mix): application JVM %.2f ms + PostgreSQL %.2f ms; load generator %.2f ms
            plain transactions writing a booking's rows (7, new patient), 64 clients, 10 s: %s
            %s
            """,
            organizations,
            doctorsEach,
            appointmentsEach,
            counts,
            loadSeconds,
            rate,
            seconds,
            warmUp,
            System.getProperty("bench.mix", LoadGenerator.DEFAULT_MIX),
            environment.getProperty("carebook.rate-limit.organization"),
            loadAverage,
            requests,
            cpu[0],
            cpu[1],
            generatorCpu * 1000 / answered,
            sameRows,
            exclusion);
    System.out.println(report);
    Files.writeString(out.resolve("http.txt"), report);
  }

  /**
   * One API key per organization, created as the product does (only its hash stored, by an owner
   * who may grant it), and the plan the generator reads: its doctors and the loaded appointments it
   * may cancel.
   */
  private static List<String> plan(JdbcClient migrator, List<BenchData.Doctor> doctors) {
    var plan = new ArrayList<String>();
    var tokens = new java.util.HashMap<UUID, String>();
    // generated data, not anybody's writes: not audited, as BenchData loads it
    var audited =
        migrator
            .sql(
                """
                select tgrelid::regclass::text from pg_trigger
                where tgname = 'audit_row_change'
                  and tgrelid in ('users'::regclass, 'memberships'::regclass, 'api_keys'::regclass)""")
            .query(String.class)
            .list();
    audited.forEach(
        t -> migrator.sql("alter table " + t + " disable trigger audit_row_change").update());
    try {
      for (var doctor : doctors) {
        var tenant = doctor.tenant().value();
        var token =
            tokens.computeIfAbsent(
                tenant,
                t -> {
                  var secret = "cbk_bench" + UUID.randomUUID().toString().replace("-", "");
                  var user = UUID.randomUUID();
                  migrator
                      .sql(
                          """
                          insert into users (id, email, display_name, password_hash, email_confirmed_at)
                          values (?, ?, 'Bench Owner', 'x', now())""")
                      .params(user, "bench-owner-" + user + "@example.test")
                      .update();
                  migrator
                      .sql(
                          """
                          insert into memberships (tenant_id, clinic_id, user_id, roles)
                          values (?, ?, ?, array['OWNER'])""")
                      .params(t, doctor.clinic().value(), user)
                      .update();
                  migrator
                      .sql(
                          """
                          insert into api_keys (tenant_id, id, clinic_id, name, prefix, key_hash,
                                                actions, created_by)
                          values (?, ?, ?, 'bench', ?, ?,
                                  array['BOOKING', 'PATIENT_VIEW', 'PATIENT_REGISTER'], ?)""")
                      .params(
                          t,
                          UUID.randomUUID(),
                          doctor.clinic().value(),
                          secret.substring(0, 10),
                          Secrets.sha256(secret),
                          user)
                      .update();
                  return secret;
                });
        plan.add("D " + token + " " + doctor.user().value() + " " + doctor.patient());
        migrator
            .sql(
                """
                select id from appointments
                where tenant_id = ? and doctor_id = ? and status = 'BOOKED'
                  and starts_at > now() + interval '1 day' limit 5""")
            .params(tenant, doctor.user().value())
            .query(UUID.class)
            .list()
            .forEach(id -> plan.add("C " + token + " " + id));
      }
    } finally {
      audited.forEach(
          t -> migrator.sql("alter table " + t + " enable trigger audit_row_change").update());
    }
    return plan;
  }

  private static void await(BufferedReader lines, String marker) throws Exception {
    String line;
    while ((line = lines.readLine()) != null) {
      if (line.equals(marker)) {
        return;
      }
      System.out.println("load generator: " + line);
    }
    throw new IllegalStateException("the load generator ended before " + marker);
  }

  /** The requests answered, from the generator's total line. */
  private static long answered(String requests) {
    var total = requests.lines().filter(l -> l.startsWith("total")).findFirst().orElseThrow();
    return Long.parseLong(total.split("\\s+")[1]);
  }

  /**
   * With {@code -Dbench.startWhen=<file>} the measured run waits, after loading, until that file
   * exists: the reference size takes about half an hour to load, which need not happen on an idle
   * machine, while the few minutes of measuring must.
   */
  private static void startWhenAsked() throws InterruptedException, java.io.IOException {
    var signal = System.getProperty("bench.startWhen");
    if (signal == null || signal.isBlank()) {
      return;
    }
    System.out.println("Loaded; measuring starts when " + signal + " exists");
    while (!Files.exists(Path.of(signal))) {
      Thread.sleep(1000);
    }
    Files.deleteIfExists(Path.of(signal));
  }
}
