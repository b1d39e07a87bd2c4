package io.carebook.bench;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Event-to-board latency of the live queue: {@code bench.boards} open boards (the waiting-room
 * screen's event stream, the same path as the desk page's) while the desk makes a steady stream of
 * visit moves ({@code bench.rate} a second for {@code bench.seconds}) through the API.
 *
 * <p>Two latencies per board and move, both from the moment the server wrote the move (the time the
 * signal carries; the benchmark runs on the same machine, so one clock): <b>event</b>, until the
 * board's stream says the queue changed (the move's transaction committed, NOTIFY reached the
 * listening connection, the signal fanned out to every stream); <b>board</b>, until the board has
 * fetched its new screen (as the page does: a fetch under way when another signal comes is followed
 * by one more). The desk's own request time is reported beside them. Run with {@code
 * bench/queue-board.sh}; not part of the test suite.
 */
@Tag("bench")
@CarebookTest
class QueueBoardBenchmark {

  @Autowired TestOrganizations organizations;
  @LocalServerPort int port;

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void eventToBoardLatency() throws Exception {
    int boards = Integer.getInteger("bench.boards", 50);
    int rate = Integer.getInteger("bench.rate", 5);
    int seconds = Integer.getInteger("bench.seconds", 60);
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var screen = desk.post("/api/v1/front-desk/screen-link", Map.of()).text("path");
    var base = "http://localhost:" + port + screen;

    var eventLatencies = Collections.synchronizedList(new ArrayList<Double>());
    var boardLatencies = Collections.synchronizedList(new ArrayList<Double>());
    var ready = new CountDownLatch(boards);
    var open = new ArrayList<Board>();
    for (int i = 0; i < boards; i++) {
      var board = new Board(base, eventLatencies, boardLatencies, ready);
      board.open();
      open.add(board);
    }
    if (!ready.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("boards did not open: " + ready.getCount() + " missing");
    }

    // the desk: walk-ins checked in and moved along, one move at a time, paced to the rate
    var moves = seconds * rate;
    var interval = TimeUnit.SECONDS.toNanos(1) / rate;
    var moveTimes = new ArrayList<Double>();
    var started = System.nanoTime();
    String visit = null;
    var steps = List.of("start-assistant", "start-doctor", "complete");
    int step = 0;
    for (int move = 1; move <= moves; move++) {
      var due = started + (move - 1) * interval;
      var wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      var sent = System.nanoTime();
      Api.Response response;
      if (visit == null) {
        response =
            desk.post("/api/v1/visits", Map.of("patient", Map.of("fullName", "Bench " + move)));
        visit = response.text("id");
        step = 0;
      } else {
        response = desk.post("/api/v1/visits/" + visit + "/" + steps.get(step++), Map.of());
        if (step == steps.size()) {
          visit = null;
        }
      }
      if (response.status() >= 300) {
        throw new IllegalStateException("move " + move + ": " + response.body());
      }
      moveTimes.add((System.nanoTime() - sent) / 1e6);
    }
    var elapsed = (System.nanoTime() - started) / 1e9;
    // let the last signals and fetches arrive
    var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (open.stream().anyMatch(b -> b.fetched.get() < moves) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    open.forEach(Board::close);
    var lostEvents = open.stream().mapToInt(b -> moves - b.events.get()).sum();
    report(boards, moves, elapsed, moveTimes, eventLatencies, boardLatencies, lostEvents);
  }

  /** One open board: its event stream, and the fetches of its screen. */
  private final class Board {
    final String base;
    final List<Double> eventLatencies;
    final List<Double> boardLatencies;
    final CountDownLatch ready;
    final AtomicInteger events = new AtomicInteger();
    final Map<Integer, Long> changedAt = new ConcurrentHashMap<>();
    final AtomicInteger fetched = new AtomicInteger(); // moves the screen is known to show
    final AtomicBoolean fetching = new AtomicBoolean();
    volatile boolean again;
    volatile boolean closed;
    volatile Thread reader;

    Board(
        String base,
        List<Double> eventLatencies,
        List<Double> boardLatencies,
        CountDownLatch ready) {
      this.base = base;
      this.eventLatencies = eventLatencies;
      this.boardLatencies = boardLatencies;
      this.ready = ready;
    }

    void open() {
      reader =
          Thread.startVirtualThread(
              () -> {
                try {
                  var response =
                      http.send(
                          HttpRequest.newBuilder(URI.create(base + "/stream"))
                              .header("Accept", "text/event-stream")
                              .build(),
                          HttpResponse.BodyHandlers.ofLines());
                  String event = null;
                  long data = 0;
                  for (var line : (Iterable<String>) response.body()::iterator) {
                    if (closed) {
                      return;
                    }
                    if (line.startsWith("event:")) {
                      event = line.substring(6).trim();
                    } else if (line.startsWith("id:")) {
                      data = Long.parseLong(line.substring(3).trim());
                    } else if (line.isEmpty() && event != null) {
                      if (event.equals("ready")) {
                        ready.countDown();
                      } else if (event.equals("queue")) {
                        var move = events.incrementAndGet();
                        changedAt.put(move, data);
                        eventLatencies.add((double) (System.currentTimeMillis() - data));
                        fetch();
                      } else if (event.equals("screen")) { // the screen itself: shown on arrival
                        var move = events.incrementAndGet();
                        var latency = (double) (System.currentTimeMillis() - data);
                        eventLatencies.add(latency);
                        boardLatencies.add(latency);
                        fetched.set(move);
                      }
                      event = null;
                    }
                  }
                } catch (Exception e) {
                  if (!closed) {
                    throw new IllegalStateException(e);
                  }
                }
              });
    }

    /**
     * Fetches the screen; a signal during a fetch gets one more fetch after it, as the page does.
     */
    void fetch() {
      if (!fetching.compareAndSet(false, true)) {
        again = true;
        return;
      }
      again = false;
      var covers = events.get();
      http.sendAsync(
              HttpRequest.newBuilder(URI.create(base + "/screen")).build(),
              HttpResponse.BodyHandlers.discarding())
          .whenComplete(
              (response, error) -> {
                var now = System.currentTimeMillis();
                for (int move = fetched.get() + 1; move <= covers; move++) {
                  boardLatencies.add((double) (now - changedAt.get(move)));
                }
                fetched.accumulateAndGet(covers, Math::max);
                fetching.set(false);
                if (again) {
                  fetch();
                }
              });
    }

    void close() {
      closed = true;
      reader.interrupt();
    }
  }

  private static void report(
      int boards,
      int moves,
      double elapsed,
      List<Double> moveTimes,
      List<Double> events,
      List<Double> screens,
      int lost)
      throws Exception {
    var text =
        String.format(
            """
            live queue: %d boards, %d visit moves in %.1f s (%.1f moves/s), %d cores
            move request (API):  p50 %6.1f ms  p99 %6.1f ms
            move -> event:       p50 %6.1f ms  p90 %6.1f ms  p99 %6.1f ms  max %6.1f ms  (%d samples)
            move -> board shown: p50 %6.1f ms  p90 %6.1f ms  p99 %6.1f ms  max %6.1f ms  (%d samples)
            events lost: %d
            """,
            boards,
            moves,
            elapsed,
            moves / elapsed,
            Runtime.getRuntime().availableProcessors(),
            percentile(moveTimes, 50),
            percentile(moveTimes, 99),
            percentile(events, 50),
            percentile(events, 90),
            percentile(events, 99),
            percentile(events, 100),
            events.size(),
            percentile(screens, 50),
            percentile(screens, 90),
            percentile(screens, 99),
            percentile(screens, 100),
            screens.size(),
            lost);
    System.out.println(text);
    var out = Path.of("target/bench/queue-board.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, text);
  }

  private static double percentile(List<Double> values, int p) {
    List<Double> sorted;
    synchronized (values) {
      sorted = new ArrayList<>(values);
    }
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    Collections.sort(sorted);
    var index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
