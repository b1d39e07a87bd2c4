package io.carebook.frontdesk;

import io.carebook.shared.ClinicId;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.LongConsumer;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * "A clinic's queue changed", to every open board on every app instance. A visit that is checked in
 * or moved sends {@code NOTIFY carebook_queue} in its own transaction, so PostgreSQL delivers the
 * signal at commit — never for a change that rolled back — to every instance, each of which keeps
 * one connection listening and tells its own boards. The signal carries only the clinic's id and
 * when the change was made (to measure how fast boards follow): a board fetches what it shows
 * through the ordinary, permission-checked pages.
 *
 * <p>A listening connection that breaks is opened again; every board is then told to refresh, as it
 * may have missed signals in between.
 */
@Component
public class QueueSignals implements SmartLifecycle {

  static final String CHANNEL = "carebook_queue";
  private static final Logger log = LoggerFactory.getLogger(QueueSignals.class);
  private static final Duration RETRY = Duration.ofSeconds(2);

  private final JdbcClient jdbc;
  private final Environment environment;
  private final Map<UUID, Set<LongConsumer>> boards = new ConcurrentHashMap<>();
  private final Map<UUID, Long> lastChange = new ConcurrentHashMap<>();
  private volatile boolean running;
  private volatile Thread listener;

  QueueSignals(JdbcClient jdbc, Environment environment) {
    this.jdbc = jdbc;
    this.environment = environment;
  }

  /** Tells every board of the clinic, once the current transaction commits. */
  void changed(ClinicId clinic) {
    jdbc.sql("select pg_notify(?, ?)")
        .params(CHANNEL, clinic.value() + "@" + System.currentTimeMillis())
        .query()
        .listOfRows();
  }

  /**
   * Calls {@code board} with the time of the change (epoch milliseconds) whenever the clinic's
   * queue changes, on a thread of its own, until the returned handle is closed.
   */
  public AutoCloseable watch(ClinicId clinic, LongConsumer board) {
    boards.computeIfAbsent(clinic.value(), c -> new CopyOnWriteArraySet<>()).add(board);
    return () ->
        boards.computeIfPresent(
            clinic.value(),
            (c, set) -> {
              set.remove(board);
              return set.isEmpty() ? null : set;
            });
  }

  /**
   * When this instance last heard that the clinic's queue changed (epoch milliseconds, 0 if not
   * since it started): what it built for the clinic before then is out of date.
   */
  public long lastChange(ClinicId clinic) {
    return lastChange.getOrDefault(clinic.value(), 0L);
  }

  /** How many boards this instance serves. */
  public int boards() {
    return boards.values().stream().mapToInt(Set::size).sum();
  }

  @Override
  public void start() {
    running = true;
    listener = Thread.ofPlatform().daemon().name("queue-signals").start(this::listen);
  }

  @Override
  public void stop() {
    running = false;
    var thread = listener;
    if (thread != null) {
      thread.interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void listen() {
    var missed = false;
    while (running) {
      try (var connection = connect()) {
        try (var statement = connection.createStatement()) {
          statement.execute("LISTEN " + CHANNEL);
        }
        if (missed) {
          var now = System.currentTimeMillis();
          lastChange.replaceAll((clinic, at) -> now);
          boards.keySet().forEach(clinic -> tell(clinic, now));
        }
        var pg = connection.unwrap(PGConnection.class);
        while (running) {
          var notifications = pg.getNotifications(1000);
          if (notifications == null) {
            continue;
          }
          for (var notification : notifications) {
            var signal = notification.getParameter().split("@", 2);
            tell(UUID.fromString(signal[0]), Long.parseLong(signal[1]));
          }
        }
      } catch (SQLException | RuntimeException e) {
        if (!running) {
          return;
        }
        missed = true;
        log.warn("Listening for queue changes failed; trying again: {}", e.toString());
        try {
          Thread.sleep(RETRY);
        } catch (InterruptedException interrupted) {
          return;
        }
      }
    }
  }

  private void tell(UUID clinic, long changedAt) {
    lastChange.merge(clinic, changedAt, Math::max);
    var watching = boards.get(clinic);
    if (watching != null) {
      for (var board : watching) {
        Thread.startVirtualThread(() -> board.accept(changedAt));
      }
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(
        environment.getRequiredProperty("spring.datasource.url"),
        environment.getProperty("spring.datasource.username"),
        environment.getProperty("spring.datasource.password"));
  }
}
