package io.carebook.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Where a measured phase's time went: the CPU seconds of this JVM and of this test's PostgreSQL
 * server (always, from /proc), and on request the phase's statements ({@code
 * -Dcarebook.embedded-database.statement-statistics=true}: target/bench/statements-NAME.txt, the 40
 * costliest, those run by triggers included) and a JFR recording ({@code -Dbench.jfr=true}:
 * target/bench/NAME.jfr).
 */
final class BenchProfile {

  private final String name;
  private final JdbcClient superuser;
  private final boolean statements;
  private final Recording recording;
  private final double[] cpuAtStart;

  private BenchProfile(String name, Environment environment) throws Exception {
    this.name = name;
    // the embedded server's superuser: pg_stat_statements shows every role's statements to it
    this.superuser =
        JdbcClient.create(
            new DriverManagerDataSource(
                environment.getRequiredProperty("spring.datasource.url"), "postgres", ""));
    this.statements =
        environment.getProperty(
            "carebook.embedded-database.statement-statistics", Boolean.class, false);
    this.recording = new Recording(Configuration.getConfiguration("profile"));
    if (statements) {
      superuser.sql("create extension if not exists pg_stat_statements").update();
      superuser.sql("select pg_stat_statements_reset()").query(Object.class).list();
    }
    if (Boolean.getBoolean("bench.jfr")) {
      recording.start();
    }
    this.cpuAtStart = cpu();
  }

  static BenchProfile start(String name, Environment environment) throws Exception {
    return new BenchProfile(name, environment);
  }

  /** CPU ms per unit of work (JVM, PostgreSQL) since the start; writes the files asked for. */
  double[] stop(long units) throws Exception {
    var cpu = cpu();
    var out = Path.of("target/bench");
    Files.createDirectories(out);
    if (Boolean.getBoolean("bench.jfr")) {
      recording.stop();
      recording.dump(out.resolve(name + ".jfr"));
    }
    recording.close();
    if (statements) {
      var top =
          superuser
              .sql(
                  """
                  select userid::regrole || ' | ' || round(total_exec_time::numeric) || ' ms | '
                         || calls || ' calls | ' || round(mean_exec_time::numeric, 3) || ' ms | '
                         || left(regexp_replace(query, '\\s+', ' ', 'g'), 200)
                  from pg_stat_statements order by total_exec_time desc limit 40""")
              .query(String.class)
              .list();
      // every statement counted: sent by a client (top level) and run inside functions/triggers
      var counted =
          superuser
              .sql(
                  """
                  select 'statements: ' || coalesce(sum(calls) filter (where toplevel), 0)
                         || ' sent by clients, ' || coalesce(sum(calls) filter (where not toplevel), 0)
                         || ' inside functions and triggers; units measured: ' || ?
                  from pg_stat_statements""")
              .param(units)
              .query(String.class)
              .single();
      Files.writeString(
          out.resolve("statements-" + name + ".txt"), counted + "\n" + String.join("\n", top));
    }
    return new double[] {
      (cpu[0] - cpuAtStart[0]) * 1000 / units, (cpu[1] - cpuAtStart[1]) * 1000 / units
    };
  }

  /**
   * Cumulative CPU seconds (user + system) of this JVM and of this test's PostgreSQL server: its
   * postmaster with the children it has reaped (autovacuum workers, ended connections) and its
   * running children. Other PostgreSQL servers on a shared machine are not counted.
   */
  private double[] cpu() throws Exception {
    var postmaster = postmaster(superuser);
    double postgres = 0;
    try (var processes = Files.list(Path.of("/proc"))) {
      for (var process :
          processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        var fields = stat(Long.parseLong(process.getFileName().toString()));
        if (fields == null) {
          continue; // ended meanwhile
        }
        var pid = Long.parseLong(process.getFileName().toString());
        if (pid == postmaster) {
          postgres += ticks(fields, 11, 12, 13, 14);
        } else if (Long.parseLong(fields[1]) == postmaster) {
          postgres += ticks(fields, 11, 12);
        }
      }
    }
    return new double[] {cpuSeconds(ProcessHandle.current().pid()), postgres};
  }

  /** The process id of the PostgreSQL server {@code superuser} is connected to. */
  static long postmaster(JdbcClient superuser) throws java.io.IOException {
    var directory = superuser.sql("show data_directory").query(String.class).single();
    return Long.parseLong(Files.readAllLines(Path.of(directory, "postmaster.pid")).getFirst());
  }

  /** CPU seconds (user + system) of one process so far, 0 when it has ended. */
  static double cpuSeconds(long pid) {
    var fields = stat(pid);
    return fields == null ? 0 : ticks(fields, 11, 12);
  }

  /** The fields of /proc/PID/stat after the command's name (state first), or null if it ended. */
  private static String[] stat(long pid) {
    try {
      var stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    } catch (java.io.IOException | RuntimeException gone) {
      return null;
    }
  }

  /** The sum of clock-tick fields, in seconds (100 ticks a second on Linux). */
  private static double ticks(String[] fields, int... indexes) {
    long sum = 0;
    for (var i : indexes) {
      sum += Long.parseLong(fields[i]);
    }
    return sum / 100.0;
  }
}
