package io.carebook.agents.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.TestCalendars;
import io.carebook.TestOrganizations;
import io.carebook.audit.AuditEntries;
import io.carebook.audit.AuditEntry;
import io.carebook.audit.AuditQuery;
import io.carebook.tenancy.Plan;
import io.carebook.tenancy.TenantTransactions;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * An AI agent's whole session through the MCP server with the SDK's own client, over streamable
 * HTTP against the app on its port, with a clinic's API key sent as a bearer token.
 */
@CarebookTest
class McpServerTests {

  private static final ZoneId CAIRO = ZoneId.of("Africa/Cairo");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired TestOrganizations organizations;
  @Autowired TenantTransactions tenants;
  @Autowired AuditEntries entries;
  @LocalServerPort int port;

  /** A clinic open every day 09:00-17:00 (quarter hours), and an API key of its owner's. */
  record Clinic(TestOrganizations.Owner owner, Api desk, String doctor) {

    Key key(String... actions) {
      var created =
          desk.post("/api/v1/api-keys", Map.of("name", "Agent", "actions", List.of(actions)));
      assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
      return new Key(UUID.fromString(created.text("id")), created.text("secret"));
    }
  }

  record Key(UUID id, String secret) {}

  private Clinic clinic() {
    var api = new Api(port);
    var owner = organizations.onPlan(organizations.signUp(api), Plan.PRO);
    var desk = api.as(owner.token());
    var doctor = desk.get("/api/v1/me").text("userId");
    TestCalendars.openEveryDay(desk, doctor, "09:00", "17:00");
    return new Clinic(owner, desk, doctor);
  }

  private McpSyncClient client(String secret) {
    var transport =
        HttpClientStreamableHttpTransport.builder("http://localhost:" + port)
            .endpoint("/api/mcp")
            .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + secret))
            .build();
    var client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60)).build();
    client.initialize();
    return client;
  }

  private static CallToolResult call(McpSyncClient client, String tool, Map<String, Object> args) {
    return client.callTool(McpSchema.CallToolRequest.builder(tool).arguments(args).build());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> content(CallToolResult result) {
    return (Map<String, Object>) result.structuredContent();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> slots(CallToolResult result) {
    return (List<Map<String, Object>>) content(result).get("slots");
  }

  private static String tomorrow() {
    return LocalDate.now(CAIRO).plusDays(1).toString();
  }

  @Test
  void anAgentListsToolsFindsATimeBooksMovesAndCancelsItAuditedAsItsKey() {
    var clinic = clinic();
    var key = clinic.key("BOOKING", "PATIENT_VIEW");
    try (var client = client(key.secret())) {
      var tools = client.listTools().tools();
      assertThat(tools)
          .extracting(McpSchema.Tool::name)
          .contains(
              "find_availability",
              "negotiate",
              "book_appointment",
              "move_appointment",
              "cancel_appointment",
              "confirm_appointment",
              "check_in_patient",
              "clinic_info",
              "upcoming_appointments");
      assertThat(tools)
          .allSatisfy(
              tool -> {
                assertThat(tool.description()).contains("Example");
                assertThat(tool.inputSchema()).containsEntry("type", "object");
              });
      assertThat(tools)
          .filteredOn(t -> t.name().equals("book_appointment"))
          .singleElement()
          .satisfies(
              t ->
                  assertThat((Map<String, Object>) t.inputSchema().get("properties"))
                      .containsKeys("slot_id", "patient_name", "patient_phone"));

      var found =
          call(
              client,
              "find_availability",
              Map.of("doctor_id", clinic.doctor(), "from", tomorrow(), "limit", 3));
      assertThat(found.isError()).as(found.toString()).isFalse();
      assertThat(slots(found)).hasSize(3);
      var first = slots(found).get(0);
      assertThat(first.get("localDate")).isEqualTo(tomorrow());
      assertThat(first.get("localTime")).isEqualTo("09:00");

      var booked =
          call(
              client,
              "book_appointment",
              Map.of(
                  "slot_id",
                  first.get("slotId"),
                  "patient_name",
                  "Booked By Agent",
                  "patient_phone",
                  "+201001234567"));
      assertThat(booked.isError()).as(booked.toString()).isFalse();
      var appointment = (String) content(booked).get("appointmentId");
      assertThat(content(booked)).containsEntry("status", "BOOKED");

      var moved =
          call(
              client,
              "move_appointment",
              Map.of("appointment_id", appointment, "starts_at", tomorrow() + "T11:15"));
      assertThat(moved.isError()).as(moved.toString()).isFalse();
      assertThat(content(moved)).containsEntry("localTime", "11:15");

      var again = call(client, "find_availability", Map.of("from", tomorrow(), "limit", 1));
      assertThat(slots(again).get(0).get("localTime"))
          .as("09:00 freed by the move")
          .isEqualTo("09:00");

      var canceled =
          call(
              client,
              "cancel_appointment",
              Map.of("appointment_id", appointment, "reason", "Patient asked by chat"));
      assertThat(canceled.isError()).as(canceled.toString()).isFalse();
      assertThat(content(canceled)).containsEntry("status", "CANCELLED");
    }

    var audited =
        tenants.call(
            clinic.owner().tenant(),
            () ->
                entries.find(
                    new AuditQuery(null, null, "appointments", null, null, null, null, null),
                    ZoneOffset.UTC,
                    10));
    var byTheAgent =
        audited.stream()
            .filter(e -> "AGENT".equals(e.actorType()) && key.id().equals(e.actorId()))
            .map(AuditEntry::action)
            .toList();
    assertThat(byTheAgent).as("booked, moved, cancelled").containsOnly("INSERT", "UPDATE");
    assertThat(byTheAgent).filteredOn("INSERT"::equals).hasSize(1);
    assertThat(byTheAgent).filteredOn("UPDATE"::equals).hasSizeGreaterThanOrEqualTo(2);
    assertThat(audited)
        .filteredOn(e -> "INSERT".equals(e.action()))
        .singleElement()
        .satisfies(e -> assertThat(e.actorId()).isEqualTo(key.id()));
  }

  @Test
  void aRefusedTimeComesBackAsAToolErrorWithItsPolicyAndAlternatives() {
    var clinic = clinic();
    try (var client = client(clinic.key("BOOKING").secret())) {
      var late =
          call(
              client,
              "book_appointment",
              Map.of(
                  "doctor_id",
                  clinic.doctor(),
                  "starts_at",
                  tomorrow() + "T20:00",
                  "patient_name",
                  "Too Late"));
      assertThat(late.isError()).isTrue();
      assertThat(content(late))
          .containsEntry("type", "/problems/slot-taken")
          .containsEntry("status", 409)
          .containsEntry("policy", "within-hours")
          .containsKey("alternatives");

      var wished =
          Map.<String, Object>of(
              "doctor_id",
              clinic.doctor(),
              "starts_at",
              tomorrow() + "T10:00",
              "patient_name",
              "Ana Wished");
      assertThat(content(call(client, "negotiate", wished))).containsEntry("booked", true);
      var taken =
          call(
              client,
              "negotiate",
              Map.of(
                  "doctor_id",
                  clinic.doctor(),
                  "starts_at",
                  tomorrow() + "T10:00",
                  "patient_name",
                  "Bea Second"));
      assertThat(taken.isError()).isFalse();
      assertThat(content(taken))
          .containsEntry("booked", false)
          .containsEntry("policy", "seats-left");
      assertThat((List<?>) content(taken).get("alternatives")).isNotEmpty();

      var bad = call(client, "move_appointment", Map.of("appointment_id", "not-an-id"));
      assertThat(bad.isError()).isTrue();
      assertThat(content(bad)).containsEntry("type", "/problems/invalid-input");
      assertThat(content(bad).get("errors").toString()).contains("appointment_id", "starts_at");
      var misspelt = call(client, "find_availability", Map.of("doctorId", clinic.doctor()));
      assertThat(misspelt.isError()).isTrue();
      assertThat(content(misspelt).get("errors").toString())
          .contains("doctorId", "is not an argument of this tool");
    }
  }

  @Test
  void aKeyWithoutThePermissionIsRefusedNamingIt() {
    var clinic = clinic();
    var key = clinic.key("PATIENT_VIEW");
    assertThat(new Api(port).as(key.secret()).get("/api/v1/patients?q=x").status())
        .as("a key as a bearer token works for the REST API too")
        .isEqualTo(200);
    try (var client = client(key.secret())) {
      var refused =
          call(
              client,
              "book_appointment",
              Map.of(
                  "doctor_id",
                  clinic.doctor(),
                  "starts_at",
                  tomorrow() + "T09:00",
                  "patient_name",
                  "Not Allowed"));
      assertThat(refused.isError()).isTrue();
      assertThat(content(refused))
          .containsEntry("type", "/problems/forbidden")
          .containsEntry("status", 403)
          .containsEntry("missingPermission", "BOOKING");
      assertThat(
              call(
                      client,
                      "check_in_patient",
                      Map.of("appointment_id", UUID.randomUUID().toString()))
                  .isError())
          .isTrue();
      var info = call(client, "clinic_info", Map.of());
      assertThat(info.isError()).as("any key reads the clinic's facts").isFalse();
    }
    try (var person = client(clinic.owner().token())) {
      var refused = call(person, "clinic_info", Map.of());
      assertThat(refused.isError()).as("a person's token is no agent's key").isTrue();
      assertThat(content(refused)).containsEntry("type", "/problems/agents-only");
    }
    var today =
        clinic.desk().get("/api/v1/appointments?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z");
    assertThat(today.body().path("items")).isEmpty();
  }

  @Test
  void anotherOrganizationsRecordsAreNotFound() {
    var ours = clinic();
    var theirs = clinic();
    var theirKey = theirs.key("BOOKING", "PATIENT_VIEW", "CHECK_IN");
    String theirAppointment;
    String theirPatient;
    try (var client = client(theirKey.secret())) {
      var found = call(client, "find_availability", Map.of("from", tomorrow(), "limit", 1));
      var booked =
          call(
              client,
              "book_appointment",
              Map.of("slot_id", slots(found).get(0).get("slotId"), "patient_name", "Theirs"));
      theirAppointment = (String) content(booked).get("appointmentId");
      theirPatient = (String) content(booked).get("patientId");
    }
    try (var client = client(ours.key("BOOKING", "PATIENT_VIEW", "CHECK_IN").secret())) {
      for (var attempt :
          List.of(
              call(
                  client,
                  "move_appointment",
                  Map.of("appointment_id", theirAppointment, "starts_at", tomorrow() + "T12:00")),
              call(
                  client,
                  "cancel_appointment",
                  Map.of("appointment_id", theirAppointment, "reason", "x")),
              call(client, "confirm_appointment", Map.of("appointment_id", theirAppointment)),
              call(client, "check_in_patient", Map.of("appointment_id", theirAppointment)),
              call(client, "upcoming_appointments", Map.of("patient_id", theirPatient)),
              call(
                  client,
                  "find_availability",
                  Map.of("doctor_id", theirs.doctor(), "from", tomorrow())),
              call(
                  client,
                  "book_appointment",
                  Map.of(
                      "doctor_id",
                      theirs.doctor(),
                      "starts_at",
                      tomorrow() + "T13:00",
                      "patient_id",
                      theirPatient)))) {
        assertThat(attempt.isError()).as(attempt.toString()).isTrue();
        assertThat(content(attempt)).as(attempt.toString()).containsEntry("status", 404);
      }
    }
  }

  @Test
  void noKeyOrAnUnknownKeyAnswers401AndTheClientCannotStart() throws Exception {
    var initialize =
        """
        {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"protocolVersion":
         "2025-06-18", "capabilities": {}, "clientInfo": {"name": "test", "version": "1"}}}""";
    for (var authorization : List.of("", "Bearer cbk_made-up", "Bearer not-a-token")) {
      var request =
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/mcp"))
              .header("Content-Type", "application/json")
              .header("Accept", "application/json, text/event-stream");
      if (!authorization.isEmpty()) {
        request.header("Authorization", authorization);
      }
      var response =
          HttpClient.newHttpClient()
              .send(
                  request.POST(HttpRequest.BodyPublishers.ofString(initialize)).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(authorization).isEqualTo(401);
      assertThat(JSON.readTree(response.body()).path("type").asString())
          .isEqualTo("/problems/unauthenticated");
    }
    assertThatThrownBy(() -> client("cbk_made-up").close()).isInstanceOf(RuntimeException.class);
  }

  @Test
  void anAgentQuotesTheFaqFindsAPatientByPhoneConfirmsAndChecksThemIn() {
    var clinic = clinic();
    var faq =
        clinic
            .desk()
            .put(
                "/api/v1/faq",
                Map.of(
                    "items",
                    List.of(
                        Map.of("language", "en", "question", "Parking?", "answer", "Behind us."),
                        Map.of(
                            "language",
                            "es",
                            "question",
                            "¿Estacionamiento?",
                            "answer",
                            "Atrás."))),
                Map.of());
    assertThat(faq.status()).as(faq.body().toString()).isEqualTo(200);
    try (var client = client(clinic.key("BOOKING", "PATIENT_VIEW", "CHECK_IN").secret())) {
      var info = content(call(client, "clinic_info", Map.of("language", "es")));
      assertThat(info).containsEntry("faqLanguage", "es").containsEntry("timeZone", "Africa/Cairo");
      assertThat((List<Object>) info.get("faq"))
          .containsExactly(Map.of("question", "¿Estacionamiento?", "answer", "Atrás."));
      assertThat(info.get("doctors").toString()).contains(clinic.doctor(), "MONDAY", "09:00");
      assertThat(info.get("serviceTypes").toString()).contains("durationMinutes=15");

      var booked =
          content(
              call(
                  client,
                  "book_appointment",
                  Map.of(
                      "doctor_id",
                      clinic.doctor(),
                      "starts_at",
                      tomorrow() + "T09:30",
                      "patient_name",
                      "Phone Patient",
                      "patient_phone",
                      "+201001112223")));
      var upcoming =
          content(call(client, "upcoming_appointments", Map.of("phone", "+201001112223")));
      assertThat(upcoming.get("patients").toString())
          .contains("Phone Patient", (String) booked.get("appointmentId"));

      var confirmed =
          call(
              client, "confirm_appointment", Map.of("appointment_id", booked.get("appointmentId")));
      assertThat(content(confirmed)).containsEntry("confirmed", true);
      var visit =
          call(
              client,
              "check_in_patient",
              Map.of("appointment_id", booked.get("appointmentId"), "priority", "elderly"));
      assertThat(visit.isError()).as(visit.toString()).isFalse();
      assertThat(content(visit))
          .containsEntry("state", "WAITING")
          .containsEntry("priority", "ELDERLY")
          .containsEntry("token", 1);

      assertThat(client.listResources().resources())
          .extracting(McpSchema.Resource::uri)
          .contains("carebook://clinic/doctors", "carebook://clinic/service-types");
      var doctors =
          client.readResource(
              McpSchema.ReadResourceRequest.builder("carebook://clinic/doctors").build());
      assertThat(((McpSchema.TextResourceContents) doctors.contents().get(0)).text())
          .contains(clinic.doctor());
    }
  }

  @Test
  void theSameBookingWithOneIdempotencyKeyBooksOnceAndAnotherWithItIsRefused() {
    var clinic = clinic();
    try (var client = client(clinic.key("BOOKING").secret())) {
      assertThat(client.listTools().tools())
          .filteredOn(
              t ->
                  List.of(
                          "book_appointment",
                          "negotiate",
                          "move_appointment",
                          "cancel_appointment",
                          "confirm_appointment",
                          "check_in_patient")
                      .contains(t.name()))
          .hasSize(6)
          .allSatisfy(
              t ->
                  assertThat((Map<String, Object>) t.inputSchema().get("properties"))
                      .containsKey("idempotency_key"));
      var booking =
          Map.<String, Object>of(
              "doctor_id",
              clinic.doctor(),
              "starts_at",
              tomorrow() + "T10:00",
              "patient_name",
              "Once Only",
              "patient_phone",
              "+201009998887",
              "idempotency_key",
              "book-once-only-1");
      var first = call(client, "book_appointment", booking);
      var again = call(client, "book_appointment", booking);
      assertThat(first.isError()).as(first.toString()).isFalse();
      assertThat(again.isError()).as("answered, not refused as taken: " + again).isFalse();
      assertThat(content(again)).isEqualTo(content(first));
      assertThat(again.meta()).containsEntry("io.carebook/idempotent-replayed", true);
      assertThat(first.meta()).isNullOrEmpty();

      var other = new java.util.HashMap<>(booking);
      other.put("starts_at", tomorrow() + "T11:00");
      var reused = call(client, "book_appointment", other);
      assertThat(reused.isError()).as(reused.toString()).isTrue();
      assertThat(content(reused))
          .containsEntry("type", "/problems/idempotency-key-reused")
          .containsEntry("status", 422);
      assertThat((String) content(reused).get("detail")).contains("idempotency key");

      var appointment = (String) content(first).get("appointmentId");
      var cancel =
          Map.<String, Object>of(
              "appointment_id", appointment, "reason", "Asked twice", "idempotency_key", "c-1");
      assertThat(call(client, "cancel_appointment", cancel).isError()).isFalse();
      var cancelAgain = call(client, "cancel_appointment", cancel);
      assertThat(cancelAgain.isError()).as("the first answer, not 'closed'").isFalse();
      assertThat(content(cancelAgain)).containsEntry("status", "CANCELLED");
    }
    var booked =
        clinic.desk().get("/api/v1/appointments?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z");
    assertThat(booked.body().path("items")).as("booked once, nothing at 11:00").hasSize(1);
  }

  @Autowired org.springframework.security.web.FilterChainProxy security;

  /**
   * The MCP servlet is no controller: what the API's edge does for it depends on the security chain
   * matching its path. It is the API chain, with the key's authentication, the edge that binds the
   * agent's scope (which the audit of the session above shows applied) and the rate limit.
   */
  @Test
  void theMcpAddressPassesTheApiChainWithItsKeyEdgeAndRateLimit() {
    var request = new org.springframework.mock.web.MockHttpServletRequest("POST", "/api/mcp");
    var chain =
        security.getFilterChains().stream()
            .filter(c -> c.matches(request))
            .findFirst()
            .orElseThrow();
    assertThat(chain.getFilters())
        .extracting(f -> f.getClass().getSimpleName())
        .containsSubsequence(
            "ApiKeyAuthentication",
            "BearerTokenAuthenticationFilter",
            "MemberContextFilter",
            "OrganizationRateLimit");
  }

  @Autowired io.carebook.tenancy.Organizations organizationsOfTenant;

  /**
   * The MCP servlet is no controller, so the write guard (an MVC interceptor) does not see it: the
   * tools that write ask the guard themselves.
   */
  @Test
  void aReadOnlyClinicsAgentStillReadsButWritesNothing() {
    var clinic = clinic();
    var key = clinic.key("BOOKING");
    tenants.run(
        clinic.owner().tenant(),
        () ->
            organizationsOfTenant.changeSubscriptionStatus(
                clinic.owner().clinic(), io.carebook.tenancy.SubscriptionStatus.EXPIRED));
    try (var client = client(key.secret())) {
      var found = call(client, "find_availability", Map.of("from", tomorrow(), "limit", 1));
      assertThat(found.isError()).as(found.toString()).isFalse();
      var refused =
          call(
              client,
              "book_appointment",
              Map.of("slot_id", slots(found).get(0).get("slotId"), "patient_name", "Too Late"));
      assertThat(refused.isError()).isTrue();
      assertThat(content(refused)).containsEntry("type", "/problems/clinic-read-only");
    }
  }
}
