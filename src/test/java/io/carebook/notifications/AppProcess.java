package io.carebook.notifications;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.env.Environment;

/**
 * Carebook in a process of its own, against this test JVM's database: the application's main class
 * on the build's classpath (the classes the packaged jar holds), so a test can kill it abruptly or
 * stop it gracefully, and run two side by side. Its log goes to {@code target/}. (Public for the
 * tests of other modules that need a real restart: webhooks' deliveries.)
 */
public final class AppProcess implements AutoCloseable {

  private final Process process;
  private final Path log;

  private AppProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** Starts an instance whose message task is {@code taskName}; returns once it is ready. */
  public static AppProcess start(
      Environment environment, String name, String taskName, String providers) throws IOException {
    return start(environment, name, taskName, providers, Map.of());
  }

  /**
   * Starts an instance whose message task and follow-up queue are {@code taskName} (so it plans and
   * sends only what was booked and scheduled through such instances), with {@code more} settings.
   */
  public static AppProcess start(
      Environment environment,
      String name,
      String taskName,
      String providers,
      Map<String, String> more)
      throws IOException {
    var java = ProcessHandle.current().info().command().orElse("java");
    var settings =
        Map.ofEntries(
            Map.entry(
                "spring.datasource.url", environment.getRequiredProperty("spring.datasource.url")),
            Map.entry(
                "spring.datasource.username",
                environment.getRequiredProperty("spring.datasource.username")),
            Map.entry(
                "spring.datasource.password",
                environment.getRequiredProperty("spring.datasource.password")),
            Map.entry("spring.flyway.user", environment.getRequiredProperty("spring.flyway.user")),
            Map.entry(
                "spring.flyway.password",
                environment.getRequiredProperty("spring.flyway.password")),
            Map.entry(
                "carebook.master-key", environment.getRequiredProperty("carebook.master-key")),
            Map.entry("carebook.demo", "false"),
            Map.entry("server.port", "0"),
            Map.entry("spring.modulith.events.republish-outstanding-events-on-restart", "false"),
            Map.entry("carebook.notifications.task-name", taskName),
            Map.entry("carebook.follow-ups.queue", taskName),
            Map.entry("carebook.notifications.sms.base-url", providers),
            Map.entry("db-scheduler.polling-interval", "1s"),
            Map.entry("db-scheduler.heartbeat-interval", "1s"),
            Map.entry("db-scheduler.missed-heartbeats-limit", "4"),
            Map.entry("spring.lifecycle.timeout-per-shutdown-phase", "20s"));
    var command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1"));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("io.carebook.CarebookApplication");
    settings.forEach((key, value) -> command.add("--" + key + "=" + value));
    more.forEach((key, value) -> command.add("--" + key + "=" + value));
    var log = Path.of("target", "app-" + name + ".log");
    Files.createDirectories(log.getParent());
    var process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    var app = new AppProcess(process, log);
    app.awaitLog("Started CarebookApplication", Duration.ofSeconds(120));
    return app;
  }

  void awaitLog(String text, Duration timeout) throws IOException {
    var deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && Files.readString(log).contains(text)) {
        return;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("the application exited; see " + log);
      }
      Clinics.sleep(200);
    }
    throw new IllegalStateException("no '" + text + "' in " + log);
  }

  /** The port its server listens on, from its log. */
  public int port() throws IOException {
    var started =
        java.util.regex.Pattern.compile("Tomcat started on port (\\d+)")
            .matcher(Files.readString(log));
    if (!started.find()) {
      throw new IllegalStateException("no port in " + log);
    }
    return Integer.parseInt(started.group(1));
  }

  /** Kills it as a crash would: no shutdown hooks, executions cut off mid-flight. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** Stops it as a deploy would: running executions finish first. */
  public void stop() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
