package io.carebook.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.OwnerDatabase;
import io.carebook.TestCalendars;
import io.carebook.TestOrganizations;
import io.carebook.TestOrganizations.Owner;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every write of the OpenAPI document, sent each kind of body it cannot parse as a signed-in owner
 * with real ids in its path (so the request reaches the controller): each answers a 4xx problem and
 * changes nothing.
 */
@CarebookTest
class BadBodiesTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ZoneId CAIRO = ZoneId.of("Africa/Cairo");
  private static final int TEN_MEGABYTES = 10 * 1024 * 1024;

  /**
   * Writes whose every field is optional, where an empty object (or, for an optional body, none)
   * means "the defaults" and is no bad body: the caller calls the next patient, the invoice's
   * currency picks the payment provider, a note's draft is saved as it stands, settings and a
   * doctor's profile replaced by their defaults.
   */
  private static final Set<String> EVERY_FIELD_OPTIONAL =
      Set.of(
          "post /api/v1/visits/call-next",
          "post /api/v1/invoices/{id}/payment-link",
          "put /api/v1/visits/{visitId}/note",
          "put /api/v1/notification-settings",
          "put /api/v1/doctors/{userId}/profile");

  @Autowired TestOrganizations organizations;
  @Autowired Environment environment;
  @LocalServerPort int port;

  /** A kind of body no write can parse. */
  record Bad(String name, byte[] bytes) {
    Bad(String name, String body) {
      this(name, body.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static final Bad TEN_MEGABYTE_BODY =
      new Bad("10 MB", "[" + "1,".repeat(TEN_MEGABYTES / 2) + "1]");

  @Test
  void everyWriteRejectsBadBodiesWithAProblemAndChangesNothing() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var ids = realIds(api, owner);
    var document = api.get("/v3/api-docs").body();
    var database =
        new SingleConnectionDataSource(
            environment.getRequiredProperty("spring.datasource.url"),
            environment.getRequiredProperty("spring.flyway.user"),
            environment.getRequiredProperty("spring.flyway.password"),
            true);
    var snapshot = new Snapshot(JdbcClient.create(database), owner);
    var failures = new ArrayList<String>();
    var writes = 0;
    for (var path : document.path("paths").propertyNames()) {
      for (var method : List.of("post", "put", "patch")) {
        var operation = document.path("paths").path(path).path(method);
        if (operation.isMissingNode()) {
          continue;
        }
        writes++;
        var target = concrete(path, ids);
        var before = snapshot.take();
        for (var bad : badBodies(document, operation, method + " " + path)) {
          HttpResponse<String> response;
          try {
            response = send(method, target, bad, owner);
          } catch (AssertionError dropped) {
            failures.add(dropped.getMessage());
            continue;
          }
          var type = response.headers().firstValue("Content-Type").orElse("");
          var problem = type.startsWith("application/problem+json") ? read(response) : null;
          if (response.statusCode() < 400
              || response.statusCode() >= 500
              || problem == null
              || problem.path("type").asString("").isBlank()) {
            failures.add(
                "%s %s with %s: %d %s %s"
                    .formatted(
                        method,
                        path,
                        bad.name(),
                        response.statusCode(),
                        type,
                        abbreviated(response.body())));
          }
        }
        var after = snapshot.take();
        if (!after.equals(before)) {
          failures.add("%s %s changed %s into %s".formatted(method, path, before, after));
        }
      }
    }
    database.destroy();
    assertThat(writes).as("writes in the OpenAPI document").isGreaterThan(80);
    assertThat(failures).isEmpty();
  }

  @Test
  void oversizedBodyAnswers413Problem() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var before = new Snapshot(OwnerDatabase.jdbc(environment), owner).take();
    var huge = "{\"fullName\":\"" + "x".repeat(TEN_MEGABYTES) + "\"}";
    var response = send("post", "/api/v1/patients", new Bad("10 MB", huge), owner);
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(read(response).path("type").asString()).isEqualTo("/problems/payload-too-large");

    // the same without a declared length: read until the ceiling, then refused the same way
    var chunked =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/patients"))
            .header("Authorization", "Bearer " + owner.token())
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(30))
            .POST(
                HttpRequest.BodyPublishers.ofInputStream(
                    () -> new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))))
            .build();
    try {
      var answer = HTTP.send(chunked, HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).isEqualTo(413);
      assertThat(read(answer).path("type").asString()).isEqualTo("/problems/payload-too-large");
    } catch (IOException | InterruptedException e) {
      throw new AssertionError("the connection dropped instead of answering 413", e);
    }
    assertThat(new Snapshot(OwnerDatabase.jdbc(environment), owner).take()).isEqualTo(before);
  }

  @Test
  void errorsDecidedOutsideAControllerAreProblems() throws Exception {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var patient =
        api.as(owner.token()).post("/api/v1/patients", Map.of("fullName", "Document Owner"));
    var unknownDocument =
        "/api/v1/patients/" + patient.text("id") + "/documents/" + UUID.randomUUID() + "/content";
    var requests =
        List.of(
            get("/api/v1/nowhere", "application/json", owner),
            get(unknownDocument, "application/octet-stream", owner),
            get(unknownDocument, "application/pdf", owner),
            get("/api/v1/patients/not-an-id", "application/json", owner),
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/signups"))
                .header("Authorization", "Bearer " + owner.token())
                .DELETE()
                .build());
    for (var request : requests) {
      var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(request.uri().toString()).isBetween(400, 499);
      assertThat(response.headers().firstValue("Content-Type").orElse(""))
          .as(request.uri() + ": " + response.body())
          .startsWith("application/problem+json");
      assertThat(read(response).path("type").asString()).startsWith("/problems/");
    }
  }

  private HttpRequest get(String path, String accept, Owner owner) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Bearer " + owner.token())
        .header("Accept", accept)
        .GET()
        .build();
  }

  @Test
  void rescheduleHasItsOwnBodyInTheOpenApiDocument() {
    var document = new Api(port).get("/v3/api-docs").body();
    var reschedule =
        document.path("paths").path("/api/v1/appointments/{id}/reschedule").path("post");
    var visitMove = document.path("paths").path("/api/v1/visits/{id}/{transition}").path("post");
    assertThat(bodySchema(document, reschedule).path("properties").propertyNames())
        .containsExactly("startsAt");
    assertThat(bodySchema(document, visitMove).path("properties").propertyNames())
        .containsExactly("reason");
  }

  private static JsonNode bodySchema(JsonNode document, JsonNode operation) {
    return schema(
        document,
        operation.path("requestBody").path("content").path("application/json").path("schema"));
  }

  private static List<Bad> badBodies(JsonNode document, JsonNode operation, String write) {
    var bodies = new ArrayList<Bad>();
    bodies.add(TEN_MEGABYTE_BODY);
    var content = operation.path("requestBody").path("content");
    if (content.isMissingNode()) {
      return bodies; // no body to parse: only its size is checked
    }
    var defaults = EVERY_FIELD_OPTIONAL.contains(write);
    if (!defaults || operation.path("requestBody").path("required").asBoolean(false)) {
      bodies.add(new Bad("no body", ""));
      bodies.add(new Bad("null", "null"));
    }
    bodies.add(new Bad("malformed JSON", "{\"a\": "));
    bodies.add(new Bad("an array", "[1, 2]"));
    bodies.add(new Bad("a string", "\"text\""));
    bodies.add(new Bad("an unknown field", "{\"unexpectedField\": true}"));
    if (!defaults) {
      bodies.add(new Bad("an empty object", "{}"));
    }
    var schema = schema(document, content.path("application/json").path("schema"));
    if (schema.path("properties").isObject()) {
      bodies.add(new Bad("wrong types", wrongTypes(document, schema)));
    }
    return bodies;
  }

  /** Each property with a value of another type: text where a number is, an object for text. */
  private static String wrongTypes(JsonNode document, JsonNode schema) {
    var body = new HashMap<String, Object>();
    for (var name : schema.path("properties").propertyNames()) {
      var property = schema(document, schema.path("properties").path(name));
      body.put(
          name,
          switch (property.path("type").asString("object")) {
            case "string" -> Map.of("not", "text");
            case "integer", "number" -> "not a number";
            case "boolean" -> "maybe";
            case "array" -> 7;
            default -> "not an object";
          });
    }
    return JSON.writeValueAsString(body);
  }

  private static JsonNode schema(JsonNode document, JsonNode schema) {
    var ref = schema.path("$ref").asString("");
    if (ref.isEmpty()) {
      return schema;
    }
    return document
        .path("components")
        .path("schemas")
        .path(ref.substring(ref.lastIndexOf('/') + 1));
  }

  /** Real records of the owner's clinic, so a path reaches its controller. */
  private Map<String, String> realIds(Api api, Owner owner) {
    var desk = api.as(owner.token());
    var doctor = desk.get("/api/v1/me").text("userId");
    TestCalendars.openEveryDay(desk, doctor, "09:00", "11:00");
    var ids = new HashMap<String, String>();
    ids.put("doctor", doctor);
    ids.put("tenant", owner.tenant().toString());
    ids.put("clinic", owner.clinic().toString());
    ids.put("patient", created(desk.post("/api/v1/patients", Map.of("fullName", "Fuzz Patient"))));
    var visit =
        created(desk.post("/api/v1/visits", Map.of("patient", Map.of("fullName", "Fuzz Visit"))));
    assertThat(desk.post("/api/v1/visits/" + visit + "/start-doctor", Map.of()).status())
        .isEqualTo(200);
    ids.put("visit", visit);
    ids.put(
        "prescription", created(desk.post("/api/v1/visits/" + visit + "/prescriptions", Map.of())));
    ids.put(
        "invoice", created(desk.post("/api/v1/invoices", Map.of("patientId", ids.get("patient")))));
    var nine = LocalDate.now(CAIRO).plusDays(2).atTime(9, 0).atZone(CAIRO).toInstant();
    ids.put(
        "appointment",
        created(
            desk.post(
                "/api/v1/appointments",
                Map.of(
                    "doctorId",
                    doctor,
                    "startsAt",
                    nine.toString(),
                    "patient",
                    Map.of("fullName", "Fuzz Booked")))));
    ids.put(
        "service",
        created(
            desk.post(
                "/api/v1/services",
                Map.of("code", "FUZZ", "name", "Fuzz", "kind", "CONSULTATION", "price", "100"))));
    ids.put("template", created(desk.post("/api/v1/note-templates", Map.of("name", "Fuzz"))));
    var rules =
        Map.of(
            "durationMinutes", 30,
            "bufferBeforeMinutes", 0,
            "bufferAfterMinutes", 0,
            "minimumNoticeMinutes", 0,
            "horizonDays", 30,
            "alignmentMinutes", 15,
            "seats", 1);
    var type = desk.post("/api/v1/service-types", Map.of("name", "Fuzzing", "rules", rules));
    assertThat(type.status()).as(type.body().toString()).isEqualTo(201);
    return ids;
  }

  private static String created(Api.Response response) {
    assertThat(response.status()).as(response.body().toString()).isIn(200, 201);
    return response.text("id");
  }

  private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

  /** The path with each parameter a real id of the owner's clinic, or a fresh one. */
  private static String concrete(String path, Map<String, String> ids) {
    var matcher = PARAMETER.matcher(path);
    var result = new StringBuilder();
    while (matcher.find()) {
      var before = path.substring(0, matcher.start());
      var value = value(matcher.group(1), before, ids);
      matcher.appendReplacement(result, value);
    }
    matcher.appendTail(result);
    return result.toString();
  }

  private static String value(String parameter, String before, Map<String, String> ids) {
    return switch (parameter) {
      case "visitId" -> ids.get("visit");
      case "doctorId", "userId" -> ids.get("doctor");
      case "tenant" -> ids.get("tenant");
      case "clinic" -> ids.get("clinic");
      case "transition" -> "cancel";
      case "kind" -> before.contains("/patients/") ? "allergies" : "APPOINTMENT_BOOKED";
      case "locale" -> "en";
      case "tag" -> "fuzzed";
      case "name" -> "Fuzzing";
      case "id" -> idAfter(before, ids);
      default -> UUID.randomUUID().toString();
    };
  }

  private static String idAfter(String before, Map<String, String> ids) {
    var collection = before.substring(before.lastIndexOf('/', before.length() - 2) + 1);
    var key =
        switch (collection) {
          case "patients/" -> "patient";
          case "visits/" -> "visit";
          case "prescriptions/" -> "prescription";
          case "invoices/" -> "invoice";
          case "appointments/" -> "appointment";
          case "services/" -> "service";
          case "note-templates/", "template/" -> "template";
          case "clinics/" -> "clinic";
          default -> "";
        };
    return ids.getOrDefault(key, UUID.randomUUID().toString());
  }

  private HttpResponse<String> send(String method, String path, Bad bad, Owner owner) {
    var request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer " + owner.token())
            .header("X-Platform-Token", "operator-test-token")
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(30))
            .method(method.toUpperCase(), HttpRequest.BodyPublishers.ofByteArray(bad.bytes()))
            .build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError(method + " " + path + " with " + bad.name() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode read(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  private static String abbreviated(String body) {
    return body.length() > 200 ? body.substring(0, 200) + "…" : body;
  }

  /**
   * What a write could change: the organization's rows in every table that has a tenant_id (its
   * audit trail among them), and the platform's organizations and users.
   */
  static final class Snapshot {
    private final JdbcClient owner;
    private final UUID tenant;
    private final String query;

    Snapshot(JdbcClient owner, Owner organization) {
      this.owner = owner;
      this.tenant = organization.tenant().value();
      var tables =
          owner
              .sql(
                  "select table_name from information_schema.columns where column_name ="
                      + " 'tenant_id' and table_schema = 'public' and table_name in (select"
                      + " table_name from information_schema.tables where table_type = 'BASE"
                      + " TABLE') order by table_name")
              .query(String.class)
              .list();
      var counts = new ArrayList<String>();
      for (var table : tables) {
        if (table.equals("audit_chain") || table.equals("audit_checkpoints")) {
          continue; // the chaining's links and checkpoints, appended in the background
        }
        // background jobs (message delivery, chaining) keep writing while the requests are sent:
        // the audit rows they leave are the system's, not the refused request's
        var background = table.equals("audit_log") ? " and actor_type <> 'SYSTEM'" : "";
        counts.add(
            "'%s=' || (select count(*) from %s where tenant_id = :tenant%s)"
                .formatted(table, table, background));
      }
      counts.add("'tenants=' || (select count(*) from tenants)");
      counts.add("'users=' || (select count(*) from users)");
      this.query = "select " + String.join(" || ' ' || ", counts);
    }

    String take() {
      return owner.sql(query).param("tenant", tenant).query(String.class).single();
    }
  }
}
