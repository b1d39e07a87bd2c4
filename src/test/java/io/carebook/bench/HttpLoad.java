package io.carebook.bench;

import io.carebook.shared.Secrets;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The HTTP benchmarks' parts: the plan {@link LoadGenerator} reads (an API key per organization,
 * its doctors, appointments it may cancel), one run of the generator in a JVM of its own with the
 * CPU of the application, its PostgreSQL server and the generator counted around the measured
 * window, and the signal file that starts measuring after a long load.
 */
final class HttpLoad {

  private HttpLoad() {}

  /** What one run of the generator measured. */
  record Run(
      String requests, long answered, double[] cpuPerRequest, double generatorCpuPerRequest) {

    /**
     * Answers with {@code status} a second for the operation named, over the window the generator
     * reported (its total line: answers and their rate).
     */
    double rate(String operation, int status) {
      var window = answered / throughput("total");
      return requests
              .lines()
              .filter(l -> l.startsWith(operation + " "))
              .findFirst()
              .map(l -> l.replaceAll(".*[{ ]" + status + "=(\\d+).*", "$1"))
              .filter(n -> n.matches("\\d+"))
              .map(Long::parseLong)
              .orElse(0L)
          / window;
    }

    /** The answered requests a second of the operation named, from the generator's lines. */
    double throughput(String operation) {
      return requests
          .lines()
          .filter(l -> l.startsWith(operation + " "))
          .findFirst()
          .map(l -> Double.parseDouble(l.split("\\s+")[3].replace("/s", "")))
          .orElse(0.0);
    }
  }

  /**
   * Runs the load generator against the application on {@code port}: {@code rate} is requests a
   * second (open model) or {@code closed:N} (N clients back to back); {@code name} names its JFR
   * and statement files.
   */
  static Run drive(
      Environment environment,
      int port,
      Path plan,
      String name,
      String rate,
      int seconds,
      int warmUp,
      String mix)
      throws Exception {
    var results = plan.resolveSibling(name + "-requests.txt");
    var generator =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                LoadGenerator.class.getName(),
                "http://localhost:" + port,
                plan.toString(),
                results.toString(),
                rate,
                Integer.toString(seconds),
                Integer.toString(warmUp),
                mix)
            .redirectErrorStream(true)
            .start();
    var lines =
        new BufferedReader(
            new InputStreamReader(generator.getInputStream(), StandardCharsets.UTF_8));
    await(lines, "MEASURING");
    var profile = BenchProfile.start(name, environment);
    var generatorCpu = BenchProfile.cpuSeconds(generator.pid());
    await(lines, "MEASURED");
    generatorCpu = BenchProfile.cpuSeconds(generator.pid()) - generatorCpu;
    if (!generator.waitFor(1, TimeUnit.MINUTES) || generator.exitValue() != 0) {
      throw new IllegalStateException("the load generator failed");
    }
    var requests = Files.readString(results);
    var answered = answered(requests);
    var cpu = profile.stop(answered);
    return new Run(requests, answered, cpu, generatorCpu * 1000 / answered);
  }

  /**
   * One API key per organization, created as the product does (only its hash stored, by an owner
   * who may grant it), and the plan the generator reads: its doctors and the loaded appointments it
   * may cancel.
   */
  static Plan plan(
      JdbcClient migrator,
      List<BenchData.Doctor> doctors,
      @org.jspecify.annotations.Nullable String deskPasswordHash) {
    var plan = new ArrayList<String>();
    var desks = new java.util.TreeMap<String, String>();
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
                  if (deskPasswordHash != null) {
                    var desk = UUID.randomUUID();
                    var email = "bench-desk-" + desk + "@example.test";
                    migrator
                        .sql(
                            """
                            insert into users (id, email, display_name, password_hash,
                                               email_confirmed_at)
                            values (?, ?, 'Bench Desk', ?, now())""")
                        .params(desk, email, deskPasswordHash)
                        .update();
                    migrator
                        .sql(
                            """
                            insert into memberships (tenant_id, clinic_id, user_id, roles)
                            values (?, ?, ?, array['RECEPTIONIST'])""")
                        .params(t, doctor.clinic().value(), desk)
                        .update();
                    desks.put(secret, email + " " + doctor.clinic().value());
                  }
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
    return new Plan(plan, desks);
  }

  /**
   * The generator's lines (an API key per organization), and for each key the receptionist of its
   * organization ("e-mail clinicId") when desks were made.
   */
  record Plan(List<String> lines, java.util.Map<String, String> desks) {}

  /** The bench receptionists' password (invented; bench data only). */
  static final String DESK_PASSWORD = "bench-desk-password";

  /**
   * The plan with every other organization's API key replaced by an access token of its
   * receptionist, signed in through {@code POST /api/v1/tokens} as a mobile app signs in (15
   * minutes' validity: call it just before measuring), so that the load carries both kinds of
   * bearer credential: the users' access tokens and the agents' API keys.
   */
  static List<String> withAccessTokens(int port, Plan plan) throws Exception {
    var http = java.net.http.HttpClient.newHttpClient();
    var json = new tools.jackson.databind.ObjectMapper();
    var replaced = new java.util.HashMap<String, String>();
    var i = 0;
    for (var desk : plan.desks().entrySet()) {
      if (i++ % 2 == 1) {
        continue; // this one keeps its API key
      }
      var emailClinic = desk.getValue().split(" ");
      var body =
          json.writeValueAsString(
              java.util.Map.of(
                  "email", emailClinic[0], "password", DESK_PASSWORD, "clinicId", emailClinic[1]));
      var response =
          http.send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create("http://localhost:" + port + "/api/v1/tokens"))
                  .header("Content-Type", "application/json")
                  .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "a bench receptionist could not sign in: " + response.body());
      }
      replaced.put(desk.getKey(), json.readTree(response.body()).get("accessToken").asString());
    }
    System.out.println(
        "Signed in " + replaced.size() + " receptionists: access tokens for their organizations");
    return plan.lines().stream()
        .map(
            line -> {
              var f = line.split(" ", 3);
              var token = replaced.get(f[1]);
              return token == null ? line : f[0] + " " + token + " " + f[2];
            })
        .toList();
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
  static void startWhenAsked() throws InterruptedException, java.io.IOException {
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
