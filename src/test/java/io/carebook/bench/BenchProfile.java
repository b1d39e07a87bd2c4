package io.carebook.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Where a measured phase's time went: the CPU seconds of this JVM and of the PostgreSQL server's
 * processes (always, from /proc), and on request the phase's statements ({@code
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
      Files.writeString(out.resolve("statements-" + name + ".txt"), String.join("\n", top));
    }
    return new double[] {
      (cpu[0] - cpuAtStart[0]) * 1000 / units, (cpu[1] - cpuAtStart[1]) * 1000 / units
    };
  }

  /** Cumulative CPU seconds (user + system) of this JVM and of all postgres processes. */
  private static double[] cpu() throws Exception {
    double jvm = 0;
    double postgres = 0;
    var self = Long.toString(ProcessHandle.current().pid());
    try (var processes = Files.list(Path.of("/proc"))) {
      for (var process :
          processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        String stat;
        try {
          stat = Files.readString(process.resolve("stat"));
        } catch (java.io.IOException gone) {
          continue; // ended meanwhile
        }
        var command = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // utime and stime, in clock ticks (100 per second on Linux)
        var seconds = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        if (process.getFileName().toString().equals(self)) {
          jvm += seconds;
        } else if (command.startsWith("postgres")) {
          postgres += seconds;
        }
      }
    }
    return new double[] {jvm, postgres};
  }
}
