package io.carebook.bench;

import io.carebook.OwnerDatabase;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.core.env.Environment;

/**
 * The database's rate for the simplest write that a booking's safety rests on: one row into a table
 * with a GiST exclusion constraint (doctor equal, periods overlapping), each in a transaction of
 * its own, a conflicting row skipped ({@code on conflict do nothing}). Measured with pgbench when
 * one is installed (the embedded server ships none; a system PostgreSQL's client works against it),
 * else with the same statement over JDBC from virtual threads, and the report says which.
 */
final class ExclusionInserts {

  private static final String INSERT =
      "insert into bench_exclusion (doctor, period) values (%s, tstzrange(timestamptz"
          + " '2030-01-01' + %s * interval '15 minutes', timestamptz '2030-01-01' + (%s + 1) *"
          + " interval '15 minutes')) on conflict do nothing";

  private ExclusionInserts() {}

  /** A line for the report: the rate, and what measured it. */
  static String measure(Environment environment, int clients, Duration duration) throws Exception {
    var owner = OwnerDatabase.jdbc(environment);
    owner.sql("drop table if exists bench_exclusion").update();
    owner
        .sql(
            """
            create table bench_exclusion (doctor int not null, period tstzrange not null,
              exclude using gist (doctor with =, period with &&))""")
        .update();
    try {
      var pgbench = pgbench();
      var rate =
          pgbench == null
              ? jdbc(environment, clients, duration)
              : pgbench(pgbench, environment, clients, duration);
      return String.format(
          "exclusion-constraint inserts (one row a transaction, GiST, %d clients, %d s, %s): %.0f/s",
          clients,
          duration.toSeconds(),
          pgbench == null ? "JDBC, no pgbench installed" : pgbench,
          rate);
    } finally {
      owner.sql("drop table bench_exclusion").update();
    }
  }

  /** pgbench on the PATH or of an installed PostgreSQL, or null. */
  private static Path pgbench() throws Exception {
    var candidates = new ArrayList<Path>();
    for (var dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      candidates.add(Path.of(dir, "pgbench"));
    }
    var installed = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(installed)) {
      try (Stream<Path> versions = Files.list(installed)) {
        versions
            .sorted(java.util.Comparator.reverseOrder())
            .forEach(v -> candidates.add(v.resolve("bin/pgbench")));
      }
    }
    return candidates.stream().filter(Files::isExecutable).findFirst().orElse(null);
  }

  private static double pgbench(
      Path pgbench, Environment environment, int clients, Duration duration) throws Exception {
    var url = URI.create(environment.getRequiredProperty("spring.datasource.url").substring(5));
    var script = Files.createTempFile("bench-exclusion", ".sql");
    Files.writeString(
        script,
        "\\set d random(1, 10000)\n\\set m random(0, 5000000)\n"
            + INSERT.formatted(":d", ":m", ":m")
            + ";\n");
    var command =
        new ProcessBuilder(
            pgbench.toString(),
            "-n",
            "-M",
            "prepared",
            "-c",
            Integer.toString(clients),
            "-j",
            "2",
            "-T",
            Long.toString(duration.toSeconds()),
            "-f",
            script.toString(),
            "-h",
            url.getHost(),
            "-p",
            Integer.toString(url.getPort()),
            "-U",
            environment.getRequiredProperty("spring.flyway.user"),
            url.getPath().substring(1));
    command
        .environment()
        .put("PGPASSWORD", environment.getRequiredProperty("spring.flyway.password"));
    var process = command.redirectErrorStream(true).start();
    var output = new String(process.getInputStream().readAllBytes());
    process.waitFor();
    Files.delete(script);
    var tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
    if (process.exitValue() != 0 || !tps.find()) {
      throw new IllegalStateException("pgbench failed:\n" + output);
    }
    return Double.parseDouble(tps.group(1));
  }

  private static double jdbc(Environment environment, int clients, Duration duration)
      throws Exception {
    var done = new AtomicLong();
    var until = System.nanoTime() + duration.toNanos();
    var t0 = System.nanoTime();
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        futures.add(
            threads.submit(
                () -> {
                  try (var connection =
                          DriverManager.getConnection(
                              environment.getRequiredProperty("spring.datasource.url"),
                              environment.getRequiredProperty("spring.flyway.user"),
                              environment.getRequiredProperty("spring.flyway.password"));
                      var insert = connection.prepareStatement(INSERT.formatted("?", "?", "?"))) {
                    var random = ThreadLocalRandom.current();
                    while (System.nanoTime() < until) {
                      var m = random.nextInt(5_000_001);
                      insert.setInt(1, 1 + random.nextInt(10_000));
                      insert.setInt(2, m);
                      insert.setInt(3, m);
                      insert.executeUpdate();
                      done.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      for (var f : futures) {
        f.get();
      }
    }
    return done.get() / ((System.nanoTime() - t0) / 1e9);
  }
}
