package io.carebook.bench;

import io.carebook.CarebookTest;
import io.carebook.OwnerDatabase;
import io.carebook.scheduling.Scheduling;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 18's numbers side by side in one run (see BENCHMARKS.md, "The reference run"; run with
 * {@code bench/reference.sh [organizations] [doctors per organization] [appointments per doctor]}):
 * on one loaded database and one application, one after the other, bookings and availability
 * in-process (the service, no HTTP) and over HTTP (the API with API keys and the production rate
 * limit, driven by {@link LoadGenerator} in a JVM of its own), availability at 70 % of the capacity
 * just measured, the mixed open-model load, and the yardsticks: plain transactions writing a
 * booking's rows and pgbench's exclusion-constraint inserts. The ratios the issue asks for are
 * computed from figures of this one run.
 *
 * <p>{@code -Dbench.dataDirectory=DIR} keeps the loaded database in DIR: a later run on the same
 * size finds it and skips the half hour of loading (migrations new since then are applied as at any
 * start). {@code -Dbench.startWhen=FILE} waits after loading until FILE exists, so that only the
 * measuring needs a quiet machine.
 */
@Tag("bench")
@CarebookTest
@TestPropertySource(
    properties = {
      "carebook.rate-limit.organization=${bench.organizationLimit:600}",
      "carebook.embedded-database.directory=${bench.dataDirectory:temporary}"
    })
class ReferenceBenchmark {

  @Autowired Scheduling calendar;
  @Autowired DataSource dataSource;
  @Autowired Environment environment;
  @Autowired org.springframework.security.crypto.password.PasswordEncoder passwords;
  @LocalServerPort int port;

  @Test
  void sideBySide() throws Exception {
    var organizations = Integer.getInteger("bench.organizations", 20);
    var doctorsEach = Integer.getInteger("bench.doctors", 5);
    var appointmentsEach = Integer.getInteger("bench.appointments", 200);
    var warmUp = Integer.getInteger("bench.warmUpSeconds", 30);
    var seconds = Integer.getInteger("bench.seconds", 60);
    var mixRate = Integer.getInteger("bench.rate", 50);
    var share = Double.parseDouble(System.getProperty("bench.capacityShare", "0.7"));

    var started = System.nanoTime();
    var kept = BenchData.overOneConnection(environment, BenchData::loaded);
    String loaded;
    List<BenchData.Doctor> doctors;
    if (kept.size() == organizations * doctorsEach) {
      loaded = "found loaded in the kept database";
      doctors = kept;
    } else if (kept.isEmpty()) {
      doctors =
          BenchData.overOneConnection(
              environment,
              migrator -> BenchData.load(migrator, organizations, doctorsEach, appointmentsEach));
      loaded = String.format("loaded in %.0f s", (System.nanoTime() - started) / 1e9);
    } else {
      throw new IllegalStateException(
          "the kept database holds "
              + kept.size()
              + " bench doctors, not "
              + organizations * doctorsEach
              + ": use another bench.dataDirectory");
    }
    var plan =
        BenchData.overOneConnection(
            environment,
            migrator -> HttpLoad.plan(migrator, doctors, passwords.encode(HttpLoad.DESK_PASSWORD)));
    HttpLoad.startWhenAsked();
    var system = ManagementFactory.getOperatingSystemMXBean();
    var loadAtStart = system.getSystemLoadAverage();
    var out = Path.of("target/bench");
    Files.createDirectories(out);
    var planFile = out.resolve("reference-plan.txt");
    // half the organizations send their receptionist's access token, half their API key
    Files.write(planFile, HttpLoad.withAccessTokens(port, plan));
    var lines = new ArrayList<String>();

    // in-process: the service and its queries, no HTTP
    var inProcess = new InProcessLoad(calendar);
    var target = doctors.getFirst();
    var warmUntil = System.nanoTime() + Duration.ofSeconds(warmUp).toNanos();
    while (System.nanoTime() < warmUntil) {
      inProcess.availability(target, 16, 160);
    }
    var availabilityProfile = BenchProfile.start("reference-availability", environment);
    var availability = inProcess.availability(target, 16, 3200);
    var availabilityCpu = availabilityProfile.stop((long) availability[2]);
    inProcess.bookings(doctors, 64, Duration.ofSeconds(warmUp).dividedBy(2), true);
    inProcess.bookings(doctors, 64, Duration.ofSeconds(warmUp).dividedBy(2), false);
    var newProfile = BenchProfile.start("reference-bookings-new", environment);
    var bookedNew = inProcess.bookings(doctors, 64, Duration.ofSeconds(10), true);
    var newCpu = newProfile.stop((long) bookedNew[1]);
    var knownProfile = BenchProfile.start("reference-bookings-known", environment);
    var bookedKnown = inProcess.bookings(doctors, 64, Duration.ofSeconds(10), false);
    var knownCpu = knownProfile.stop((long) bookedKnown[1]);

    // over HTTP: the same operations through the API, clients in a JVM of their own
    var httpNew =
        HttpLoad.drive(
            environment,
            port,
            planFile,
            "reference-http-new",
            "closed:64",
            10,
            warmUp / 2,
            "book_new=100");
    var httpKnown =
        HttpLoad.drive(
            environment,
            port,
            planFile,
            "reference-http-known",
            "closed:64",
            10,
            warmUp / 2,
            "book_known=100");
    var httpCapacity =
        HttpLoad.drive(
            environment,
            port,
            planFile,
            "reference-http-availability-capacity",
            "closed:16",
            10,
            warmUp / 2,
            "availability=100");
    var capacity = httpCapacity.throughput("availability");
    var atShare = (int) Math.max(1, Math.round(capacity * share));
    var httpAvailability =
        HttpLoad.drive(
            environment,
            port,
            planFile,
            "reference-http-availability",
            Integer.toString(atShare),
            seconds,
            warmUp / 2,
            "availability=100");
    var mixed =
        HttpLoad.drive(
            environment,
            port,
            planFile,
            "reference-http-mix",
            Integer.toString(mixRate),
            seconds,
            warmUp / 2,
            LoadGenerator.DEFAULT_MIX);
    var loadAtEnd = system.getSystemLoadAverage();

    var doubleBooked = BenchData.doubleBookings(OwnerDatabase.jdbc(environment));

    // the yardsticks, in the same minutes on the same database
    var plain = new PlainTransactions(environment, dataSource);
    var twoRows = plain.twoRows(64, Duration.ofSeconds(10));
    var plainProfile = BenchProfile.start("reference-plain-same-rows-new", environment);
    var sameRowsNew = plain.sameRows(64, Duration.ofSeconds(10), true);
    var plainCpu = plainProfile.stop(Math.round(sameRowsNew * 10));
    var sameRowsKnown = plain.sameRows(64, Duration.ofSeconds(10), false);
    var exclusion = ExclusionInserts.measure(environment, 16, Duration.ofSeconds(10));
    var counts = BenchData.counts(OwnerDatabase.jdbc(environment));

    // bookings made a second on both sides (a refusal as taken is work too, but not a booking)
    var httpNewRate = httpNew.rate("book_new", 201);
    var httpKnownRate = httpKnown.rate("book_known", 201);
    lines.add(
        String.format(
            "reference: %d organizations x %d doctors x %d appointments (%s), %s; %d cores, load"
                + " average %.1f at the start of measuring, %.1f after the HTTP runs",
            organizations,
            doctorsEach,
            appointmentsEach,
            counts,
            loaded,
            Runtime.getRuntime().availableProcessors(),
            loadAtStart,
            loadAtEnd));
    lines.add("");
    lines.add("in-process (service + database, no HTTP):");
    lines.add(
        String.format(
            "  availability, 7 days, 16 clients: p50 %.2f ms, p99 %.2f ms (%d calls); CPU per call"
                + " JVM %.2f + PostgreSQL %.2f ms",
            availability[0],
            availability[1],
            (long) availability[2],
            availabilityCpu[0],
            availabilityCpu[1]));
    lines.add(bookingLine("new patient", bookedNew, newCpu));
    lines.add(bookingLine("known patient", bookedKnown, knownCpu));
    lines.add("");
    lines.add(
        "over HTTP (bearer credentials: half the organizations a receptionist's access token from"
            + " POST /api/v1/tokens, half an API key; rate limit "
            + limit()
            + "/min per organization):");
    lines.add(httpLine("bookings, new patient, 64 clients back to back, 10 s", httpNew));
    lines.add(httpLine("bookings, known patient, 64 clients back to back, 10 s", httpKnown));
    lines.add(httpLine("availability capacity, 16 clients back to back, 10 s", httpCapacity));
    lines.add(
        httpLine(
            String.format(
                "availability at %.0f %% of that capacity (%d/s), open model, %d s",
                share * 100, atShare, seconds),
            httpAvailability));
    lines.add(
        httpLine(
            "the mix ("
                + LoadGenerator.DEFAULT_MIX
                + ") at "
                + mixRate
                + "/s, open model, "
                + seconds
                + " s",
            mixed));
    lines.add("");
    lines.add("yardsticks, same run:");
    lines.add(
        String.format("  plain two-row insert transactions, 64 clients, 10 s: %.0f/s", twoRows));
    lines.add(
        String.format(
            "  plain transactions writing a booking's rows, 64 clients, 10 s: %.0f/s (new patient),"
                + " %.0f/s (known patient); CPU per new-patient one JVM %.2f + PostgreSQL %.2f ms",
            sameRowsNew, sameRowsKnown, plainCpu[0], plainCpu[1]));
    lines.add("  " + exclusion);
    lines.add("");
    lines.add("ratios (issue 18's targets in brackets):");
    lines.add(
        String.format(
            "  in-process bookings / plain same-rows transactions: %.2f new, %.2f known [>= 0.5]",
            bookedNew[0] / sameRowsNew, bookedKnown[0] / sameRowsKnown));
    lines.add(
        String.format(
            "  HTTP bookings / in-process bookings (booked a second): %.2f new (%.0f/s), %.2f known"
                + " (%.0f/s) [>= 0.7]",
            httpNewRate / bookedNew[0],
            httpNewRate,
            httpKnownRate / bookedKnown[0],
            httpKnownRate));
    // the exclusion inserts' rate, as ExclusionInserts's line ends: "...: 46527/s"
    var exclusionRate = Double.parseDouble(exclusion.replaceAll(".*: ([0-9.]+)/s$", "$1"));
    lines.add(
        String.format(
            "  bookings / pgbench's exclusion-constraint inserts: in-process %.4f new, %.4f known;"
                + " over HTTP %.4f new, %.4f known",
            bookedNew[0] / exclusionRate,
            bookedKnown[0] / exclusionRate,
            httpNewRate / exclusionRate,
            httpKnownRate / exclusionRate));
    lines.add(
        String.format(
            "  availability CPU per call, in-process %.2f ms, over HTTP %.2f ms [<= 0.5];"
                + " p99 at %.0f %% of capacity %s [< 10 ms]",
            availabilityCpu[0] + availabilityCpu[1],
            httpAvailability.cpuPerRequest()[0] + httpAvailability.cpuPerRequest()[1],
            share * 100,
            p99(httpAvailability, "availability")));
    lines.add("double bookings found: " + doubleBooked);
    var report = String.join("\n", lines) + "\n";
    System.out.println(report);
    Files.writeString(out.resolve("reference.txt"), report);
    if (doubleBooked > 0) {
      throw new AssertionError("double bookings found: " + doubleBooked);
    }
  }

  private String limit() {
    return environment.getProperty("carebook.rate-limit.organization");
  }

  private static String bookingLine(String who, double[] booked, double[] cpu) {
    return String.format(
        "  bookings, %s, 64 clients, 10 s: %.0f/s (%d booked, %d refused as taken); CPU per"
            + " booking JVM %.2f + PostgreSQL %.2f ms",
        who, booked[0], (long) booked[1], (long) booked[2], cpu[0], cpu[1]);
  }

  private static String httpLine(String what, HttpLoad.Run run) {
    return String.format(
        "  %s; CPU per request: application JVM %.2f + PostgreSQL %.2f ms; load generator %.2f"
            + " ms%n%s",
        what,
        run.cpuPerRequest()[0],
        run.cpuPerRequest()[1],
        run.generatorCpuPerRequest(),
        run.requests().lines().map(l -> "    " + l).reduce((a, b) -> a + "\n" + b).orElse(""));
  }

  /** The p99 of an operation, as the generator printed it. */
  private static String p99(HttpLoad.Run run, String operation) {
    return run.requests()
        .lines()
        .filter(l -> l.startsWith(operation + " "))
        .findFirst()
        .map(l -> l.substring(l.indexOf("p99") + 3, l.indexOf("max")).trim())
        .orElse("-");
  }
}
