package io.carebook.bench;

import io.carebook.CarebookTest;
import io.carebook.OwnerDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
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
    var plan =
        BenchData.overOneConnection(
            environment,
            migrator ->
                HttpLoad.plan(
                        migrator,
                        BenchData.load(migrator, organizations, doctorsEach, appointmentsEach),
                        null)
                    .lines());
    var loadSeconds = (System.nanoTime() - started) / 1e9;
    HttpLoad.startWhenAsked();
    var out = Path.of("target/bench");
    Files.createDirectories(out);
    var planFile = out.resolve("http-plan.txt");
    Files.write(planFile, plan);

    var load = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    var run =
        HttpLoad.drive(
            environment,
            port,
            planFile,
            "http",
            Integer.toString(rate),
            seconds,
            warmUp,
            System.getProperty("bench.mix", LoadGenerator.DEFAULT_MIX));
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
    var counts = BenchData.counts(OwnerDatabase.jdbc(environment));

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
            run.requests(),
            run.cpuPerRequest()[0],
            run.cpuPerRequest()[1],
            run.generatorCpuPerRequest(),
            sameRows,
            exclusion);
    System.out.println(report);
    Files.writeString(out.resolve("http.txt"), report);
  }
}
