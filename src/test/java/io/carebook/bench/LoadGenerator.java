package io.carebook.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * An open-model HTTP load generator, run in a process of its own so that its CPU is counted apart
 * from the application's: requests leave at a constant arrival rate whether or not earlier ones
 * have been answered, each from a virtual thread of the JDK's HttpClient, and each one's latency is
 * measured from the time it was meant to leave (so a stalled server shows as latency, not as fewer
 * requests: no coordinated omission), recorded in HdrHistogram.
 *
 * <p>Arguments: base URL, plan file, results file, requests per second, seconds measured, seconds
 * of warm-up. The plan holds one line per doctor: {@code D token doctorId patientId} (the token,
 * sent as {@code Authorization: Bearer}, is an API key or a user's access token), and appointments
 * that may be cancelled: {@code C token appointmentId}. The mix is 60 % availability (7 days of one
 * doctor), 15 % bookings without Idempotency-Key, 15 % with one (a fifth of them replaying an
 * earlier key with its body, as a client's retry), 10 % cancellations (of appointments booked
 * earlier in the run, else of loaded ones). It prints {@code MEASURING} when the measured window
 * starts and {@code MEASURED} when its last request has been sent and answered, so the caller can
 * read CPU counters around it. An optional seventh argument changes the mix: weights by operation,
 * {@code availability=100} for availability reads only, {@code
 * availability=60,book=15,book_idempotent=15,cancel=10} for the default; {@code book_new} and
 * {@code book_known} are bookings without a key for a new patient or the one on file only.
 *
 * <p>With {@code closed:N} in place of the rate, the model is closed instead: N clients each send
 * their next request when the previous one is answered, for the seconds given, so the throughput
 * measured is what the server sustains at that concurrency (its capacity for the mix), and latency
 * is measured from each request's own send.
 */
final class LoadGenerator {

  private static final ZoneId CAIRO = ZoneId.of("Africa/Cairo");
  private static final long MAX_LATENCY = Duration.ofMinutes(2).toNanos();
  private static final int MAX_IN_FLIGHT = 20_000;

  enum Operation {
    AVAILABILITY,
    BOOK,
    BOOK_IDEMPOTENT,
    CANCEL,
    /** A booking without Idempotency-Key for a new patient (closed-model booking runs). */
    BOOK_NEW,
    /** A booking without Idempotency-Key for the patient on file. */
    BOOK_KNOWN
  }

  record Doctor(String token, String doctorId, String patientId) {}

  record Cancellable(String token, String appointmentId) {}

  record Retry(String token, String key, String body) {}

  /** What one operation saw in the measured window. */
  static final class Outcome {
    final Histogram latency = new ConcurrentHistogram(MAX_LATENCY, 3);
    final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();

    void record(int status, long nanos) {
      if (status != 0) {
        latency.recordValue(Math.min(nanos, MAX_LATENCY));
      }
      statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
    }
  }

  private final String base;
  private final List<Doctor> doctors = new ArrayList<>();
  private final ConcurrentLinkedQueue<Cancellable> cancellable = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Retry> retries = new ConcurrentLinkedQueue<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final LongAdder notSent = new LongAdder();
  private final HttpClient http;
  private volatile Map<Operation, Outcome> outcomes;
  private volatile double windowSeconds;
  private final int[] mix; // cumulative weights, in Operation's order

  private LoadGenerator(String base, Path plan, String mix) throws IOException {
    this.base = base;
    this.mix = mix(mix);
    for (var line : Files.readAllLines(plan)) {
      var f = line.split(" ");
      switch (f[0]) {
        case "D" -> doctors.add(new Doctor(f[1], f[2], f[3]));
        case "C" -> cancellable.add(new Cancellable(f[1], f[2]));
        default -> throw new IllegalArgumentException(line);
      }
    }
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  public static void main(String[] args) throws Exception {
    var generator =
        new LoadGenerator(args[0], Path.of(args[1]), args.length > 6 ? args[6] : DEFAULT_MIX);
    var closed = args[3].startsWith("closed:");
    var rate = Integer.parseInt(closed ? args[3].substring("closed:".length()) : args[3]);
    var seconds = Integer.parseInt(args[4]);
    var warmUp = Integer.parseInt(args[5]);
    // warm-up: both JVMs compile their hot paths; not recorded
    var unused = closed ? generator.runClosed(rate, warmUp) : generator.run(rate, warmUp);
    System.out.println("MEASURING");
    System.out.flush();
    var measured = closed ? generator.runClosed(rate, seconds) : generator.run(rate, seconds);
    System.out.println("MEASURED");
    System.out.flush();
    Files.writeString(
        Path.of(args[2]),
        generator.report(measured, closed ? rate + " clients back to back" : rate + "/s", seconds));
    System.exit(0);
  }

  /**
   * {@code clients} each sending its next request when the last is answered, for {@code seconds}.
   */
  private Map<Operation, Outcome> runClosed(int clients, int seconds) throws Exception {
    var recorded = outcomes();
    notSent.reset();
    var start = System.nanoTime();
    var until = start + Duration.ofSeconds(seconds).toNanos();
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      var done = new ArrayList<java.util.concurrent.Future<?>>();
      for (int c = 0; c < clients; c++) {
        done.add(
            threads.submit(
                () -> {
                  while (System.nanoTime() < until) {
                    var answered = send(pick(), System.nanoTime(), recorded);
                    if (answered == null) {
                      return null; // nothing left to cancel
                    }
                    answered.join();
                  }
                  return null;
                }));
      }
      for (var f : done) {
        f.get();
      }
    }
    windowSeconds = (System.nanoTime() - start) / 1e9;
    return recorded;
  }

  private Map<Operation, Outcome> outcomes() {
    var recorded = new TreeMap<Operation, Outcome>();
    for (var op : Operation.values()) {
      recorded.put(op, new Outcome());
    }
    outcomes = recorded;
    return recorded;
  }

  /** Sends at {@code rate} a second for {@code seconds}, then waits for the answers. */
  private Map<Operation, Outcome> run(int rate, int seconds) throws InterruptedException {
    var recorded = outcomes();
    notSent.reset();
    var interval = 1_000_000_000L / rate;
    var requests = (long) rate * seconds;
    var start = System.nanoTime();
    for (long i = 0; i < requests; i++) {
      var intended = start + i * interval;
      var wait = intended - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      if (inFlight.get() >= MAX_IN_FLIGHT) {
        notSent.increment(); // the server has fallen this far behind: counted, not queued
        continue;
      }
      send(pick(), intended, recorded);
    }
    while (inFlight.get() > 0) {
      Thread.sleep(10);
    }
    windowSeconds = (System.nanoTime() - start) / 1e9; // to the last answer
    return recorded;
  }

  static final String DEFAULT_MIX = "availability=60,book=15,book_idempotent=15,cancel=10";

  /** Cumulative weights in {@link Operation}'s order from {@code name=weight,…} (others 0). */
  static int[] mix(String spec) {
    var weights = new int[Operation.values().length];
    for (var part : spec.split(",")) {
      var nameWeight = part.trim().split("=");
      weights[
              Operation.valueOf(nameWeight[0].trim().toUpperCase(java.util.Locale.ROOT))
                  .ordinal()] =
          Integer.parseInt(nameWeight[1].trim());
    }
    for (int i = 1; i < weights.length; i++) {
      weights[i] += weights[i - 1];
    }
    if (weights[weights.length - 1] <= 0) {
      throw new IllegalArgumentException("no operation in the mix: " + spec);
    }
    return weights;
  }

  private Operation pick() {
    var p = ThreadLocalRandom.current().nextInt(mix[mix.length - 1]);
    var i = 0;
    while (p >= mix[i]) {
      i++;
    }
    return Operation.values()[i];
  }

  /** Sends one request; the answer's future, or null when there was nothing to send. */
  private java.util.concurrent.CompletableFuture<?> send(
      Operation op, long intended, Map<Operation, Outcome> recorded) {
    var random = ThreadLocalRandom.current();
    var doctor = doctors.get(random.nextInt(doctors.size()));
    HttpRequest request;
    String token = doctor.token();
    switch (op) {
      case AVAILABILITY -> {
        var from = LocalDate.now(CAIRO).plusDays(random.nextInt(30));
        request =
            get(
                token,
                "/api/v1/availability?doctorId="
                    + doctor.doctorId()
                    + "&from="
                    + from
                    + "&to="
                    + from.plusDays(6));
      }
      case BOOK -> request = post(token, "/api/v1/appointments", booking(doctor, null), null);
      case BOOK_NEW -> request = post(token, "/api/v1/appointments", booking(doctor, true), null);
      case BOOK_KNOWN ->
          request = post(token, "/api/v1/appointments", booking(doctor, false), null);
      case BOOK_IDEMPOTENT -> {
        var retry = random.nextInt(5) == 0 ? retries.poll() : null;
        if (retry != null) {
          token = retry.token();
          request = post(token, "/api/v1/appointments", retry.body(), retry.key());
        } else {
          var key = UUID.randomUUID().toString();
          var body = booking(doctor, null);
          if (retries.size() < 1000) {
            retries.add(new Retry(token, key, body));
          }
          request = post(token, "/api/v1/appointments", body, key);
        }
      }
      case CANCEL -> {
        var target = cancellable.poll();
        if (target == null) {
          recorded.get(op).record(0, 0); // nothing left to cancel: status 0
          return null;
        }
        token = target.token();
        request =
            post(
                token,
                "/api/v1/appointments/" + target.appointmentId() + "/cancel",
                "{\"reason\":\"bench\"}",
                null);
      }
      default -> throw new IllegalStateException();
    }
    var booker = token;
    inFlight.incrementAndGet();
    return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .whenComplete(
            (response, failure) -> {
              var latency = System.nanoTime() - intended;
              inFlight.decrementAndGet();
              if (failure != null) {
                recorded.get(op).record(-1, latency); // no answer: status -1
                return;
              }
              recorded.get(op).record(response.statusCode(), latency);
              if (response.statusCode() == 201) {
                response
                    .headers()
                    .firstValue("Location")
                    .ifPresent(
                        location ->
                            cancellable.add(
                                new Cancellable(
                                    booker, location.substring(location.lastIndexOf('/') + 1))));
              }
            });
  }

  /**
   * A random quarter-hour 8 to 48 days ahead in the doctor's hours, for a new patient, the one on
   * file, or either at random ({@code newPatient} null).
   */
  private static String booking(Doctor doctor, Boolean newPatient) {
    var random = ThreadLocalRandom.current();
    var start =
        LocalDate.now(CAIRO)
            .plusDays(8 + random.nextInt(40))
            .atTime(9 + random.nextInt(8), 15 * random.nextInt(4))
            .atZone(CAIRO)
            .toInstant();
    var patient =
        !(newPatient == null ? random.nextBoolean() : newPatient)
            ? "\"patientId\":\"" + doctor.patientId() + "\""
            : "\"patient\":{\"fullName\":\"Bench Patient " + random.nextInt(1_000_000) + "\"}";
    return "{\"doctorId\":\""
        + doctor.doctorId()
        + "\",\"startsAt\":\""
        + start
        + "\","
        + patient
        + "}";
  }

  private HttpRequest get(String token, String path) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", "Bearer " + token)
        .timeout(Duration.ofMinutes(2))
        .GET()
        .build();
  }

  private HttpRequest post(String token, String path, String body, String idempotencyKey) {
    var builder =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .timeout(Duration.ofMinutes(2))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (idempotencyKey != null) {
      builder.header("Idempotency-Key", idempotencyKey);
    }
    return builder.build();
  }

  /**
   * One line per operation: count, throughput (answers a second, from the first send to the last
   * answer, so a backlog drained after the schedule lowers it), p50, p99, max, answers by status
   * (-1: no answer, 0: nothing left to cancel, not sent).
   */
  private String report(Map<Operation, Outcome> measured, String rate, int seconds) {
    var out = new StringBuilder();
    long total = 0;
    for (var entry : measured.entrySet()) {
      var h = entry.getValue().latency;
      var statuses = new TreeMap<Integer, Long>();
      entry.getValue().statuses.forEach((s, n) -> statuses.put(s, n.sum()));
      if (statuses.isEmpty()) {
        continue; // not in the mix
      }
      total += h.getTotalCount();
      out.append(
          String.format(
              "%-16s %7d requests %8.1f/s  p50 %8.2f ms  p99 %8.2f ms  max %8.1f ms  statuses %s%n",
              entry.getKey().name().toLowerCase(java.util.Locale.ROOT),
              h.getTotalCount(),
              h.getTotalCount() / windowSeconds,
              h.getValueAtPercentile(50) / 1e6,
              h.getValueAtPercentile(99) / 1e6,
              h.getMaxValue() / 1e6,
              statuses));
    }
    out.append(
        String.format(
            "total            %7d requests %8.1f/s (asked: %s for %d s; last answer after %.1f s),"
                + " not sent (over %,d in flight): %d%n",
            total,
            total / windowSeconds,
            rate,
            seconds,
            windowSeconds,
            MAX_IN_FLIGHT,
            notSent.sum()));
    return out.toString();
  }
}
