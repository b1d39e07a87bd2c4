package io.carebook.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.tenancy.IdempotentCreate;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every operation of the OpenAPI document held to docs/api/conventions.md, so that an operation
 * added later meets the same rules or is named below with the reason it may not:
 *
 * <ul>
 *   <li>a list (a GET answering an array or {@code items}) takes {@code limit} and {@code cursor}
 *       and answers {@code {items, next}};
 *   <li>an update (PUT, PATCH, DELETE, a POST that changes a record) takes {@code If-Match};
 *   <li>a create (any other POST) is {@link IdempotentCreate}, and every POST declares {@code
 *       Idempotency-Key};
 *   <li>every operation declares problem responses, and has an example of each JSON body it takes
 *       and answers;
 *   <li>every operation is in the API's changelog, and a deprecated one has its entry there.
 * </ul>
 */
@CarebookTest
class ApiConventionsTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Whole prefixes that follow their own protocol's conventions, not /api/v1's. */
  private static final Map<String, String> OTHER_PROTOCOLS =
      Map.of(
          "/api/fhir/",
          "FHIR R4: paging by Bundle links and _count, versions as FHIR's versionId ETags",
          "/api/mcp",
          "MCP: one JSON-RPC endpoint; its tools answer as the Model Context Protocol says",
          "/api/platform/",
          "the platform operators' two calls, answered to an operator token, outside any clinic");

  /**
   * Lists that answer all at once, and why: naturally bounded and with a shape /api/v1 promised (a
   * bare array), or one page by nature.
   */
  static final Map<String, String> LISTS_EXEMPT =
      Map.of(
          "get /api/v1/tax-profiles",
          "a clinic's few tax profiles; a bare array /api/v1 promised",
          "get /api/v1/services",
          "a clinic's price list, bounded; a bare array /api/v1 promised",
          "get /api/v1/message-templates",
          "one template a message kind (bounded by the enum); a bare array /api/v1 promised",
          "get /api/v1/patients/imports/{importId}/rows",
          "deprecated for /outcomes (paged); a bare array /api/v1 promised until its sunset",
          "get /api/v1/visits",
          "today's queue: its order (priority, then token) changes as patients arrive, so a"
              + " cursor would skip or repeat; the desk needs it whole");

  /**
   * Updates that do not take If-Match, and why: the change is idempotent by nature, or it is no
   * change of a record (every record /api/v1 updates has a version since V1240).
   */
  static final Map<String, String> IF_MATCH_EXEMPT = ifMatchExempt();

  /**
   * POSTs that are no create of a record and change no versioned one, or creates whose work cannot
   * share one transaction with the key: they still accept Idempotency-Key (claimed in a transaction
   * of its own, IdempotentRequests), only not in the create's transaction.
   */
  static final Map<String, String> POST_EXEMPT = postExempt();

  /** Operations that accept a missing If-Match because existing clients (and tests) send none. */
  static final Set<String> IF_MATCH_OPTIONAL =
      Set.of(
          "put /api/v1/visits/{visitId}/note",
          "put /api/v1/notification-settings",
          "post /api/v1/invoices/{id}/lines",
          "delete /api/v1/invoices/{id}/lines/{line}",
          "post /api/v1/invoices/{id}/issue",
          "post /api/v1/invoices/{id}/void",
          "post /api/v1/invoices/{id}/credit-notes",
          "post /api/v1/invoices/{id}/payments",
          "post /api/v1/invoices/{id}/refunds",
          "post /api/v1/appointments/{id}/cancel",
          "post /api/v1/appointments/{id}/reschedule",
          "post /api/v1/appointments/{id}/no-show",
          "post /api/v1/visits/{id}/{transition}",
          "post /api/v1/visits/{visitId}/note/sign",
          "post /api/v1/visits/{visitId}/note/void",
          "post /api/v1/visits/{visitId}/note/template/{id}",
          "post /api/v1/patients/{id}/merge",
          "post /api/v1/patients/{id}/{kind}/{entry}/void",
          // versions: the records versioned on 2026-12-07 (V1240, V1241), If-Match accepted
          "patch /api/v1/services/{id}",
          "put /api/v1/doctors/{doctorId}/hours",
          "post /api/v1/doctors/{doctorId}/day-overrides",
          "put /api/v1/booking-rules",
          "put /api/v1/booking-rules/phone-countries",
          "put /api/v1/service-types/price",
          "put /api/v1/front-desk/settings",
          "put /api/v1/doctors/{userId}/profile",
          "put /api/v1/message-templates/{kind}/{locale}",
          "put /api/v1/patients/{id}/message-preferences",
          "put /api/v1/clinics/{id}",
          "post /api/v1/visits/{visitId}/vitals/{vitalsId}/void",
          "post /api/v1/prescriptions/{id}/items/{itemId}/void",
          "post /api/v1/prescriptions/{id}/finalize",
          "post /api/v1/prescriptions/{id}/void");

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping handlers;

  @LocalServerPort int port;

  JsonNode document;

  @BeforeEach
  void readDocument() {
    var answer = new Api(port).get("/v3/api-docs");
    assertThat(answer.status()).isEqualTo(200);
    document = answer.body();
  }

  /** Each operation of /api/v1 as "get /api/v1/…", with its node. */
  private Map<String, JsonNode> operations() {
    var operations = new java.util.TreeMap<String, JsonNode>();
    for (var path : document.path("paths").propertyNames()) {
      if (!path.startsWith("/api/")
          || OTHER_PROTOCOLS.keySet().stream().anyMatch(path::startsWith)) {
        continue;
      }
      var item = document.path("paths").path(path);
      for (var method : List.of("get", "post", "put", "patch", "delete")) {
        if (item.has(method)) {
          operations.put(method + " " + path, item.path(method));
        }
      }
    }
    return operations;
  }

  @Test
  void everyListPagesByCursor() {
    var failures = new ArrayList<String>();
    var lists = 0;
    for (var entry : operations().entrySet()) {
      if (!entry.getKey().startsWith("get ")) {
        continue;
      }
      var schema = resolve(answerSchema(entry.getValue()));
      var bareArray = "array".equals(type(schema));
      var items = resolve(schema.path("properties").path("items"));
      var path = entry.getKey().substring(entry.getKey().indexOf(' ') + 1);
      var oneRecord = path.endsWith("}"); // a record named by its id ('items' is then its own)
      var isList = bareArray || ("array".equals(type(items)) && !oneRecord);
      if (!isList || LISTS_EXEMPT.containsKey(entry.getKey())) {
        continue;
      }
      lists++;
      var parameters = parameterNames(entry.getValue(), "query");
      if (bareArray
          || !parameters.containsAll(List.of("limit", "cursor"))
          || !schema.path("properties").has("next")) {
        failures.add(entry.getKey() + " " + parameters);
      }
    }
    assertThat(lists).as("lists in the OpenAPI document").isGreaterThan(15);
    assertThat(failures).as("lists without limit, cursor and next").isEmpty();
    assertThat(LISTS_EXEMPT.keySet()).allSatisfy(key -> assertThat(operations()).containsKey(key));
  }

  @Test
  void everyUpdateTakesIfMatchAndEveryCreateIsIdempotent() {
    var creates = createHandlers();
    var failures = new ArrayList<String>();
    operations()
        .forEach(
            (key, operation) -> {
              var method = key.substring(0, key.indexOf(' '));
              var ifMatch = parameterNames(operation, "header").contains("If-Match");
              switch (method) {
                case "put", "patch", "delete" -> {
                  if (!ifMatch && !IF_MATCH_EXEMPT.containsKey(key)) {
                    failures.add(key + ": an update without If-Match");
                  }
                }
                case "post" -> {
                  if (!parameterNames(operation, "header").contains("Idempotency-Key")) {
                    failures.add(key + ": a POST that does not declare Idempotency-Key");
                  }
                  if (!ifMatch && !creates.contains(key) && !POST_EXEMPT.containsKey(key)) {
                    failures.add(key + ": neither @IdempotentCreate nor If-Match");
                  }
                }
                default -> {}
              }
            });
    assertThat(failures).isEmpty();
    for (var exempt : List.of(IF_MATCH_EXEMPT.keySet(), POST_EXEMPT.keySet(), IF_MATCH_OPTIONAL)) {
      assertThat(exempt).allSatisfy(key -> assertThat(operations()).containsKey(key));
    }
  }

  @Test
  void everyOperationDeclaresItsProblemsAndHasExamples() {
    var failures = new ArrayList<String>();
    operations()
        .forEach(
            (key, operation) -> {
              var problems = 0;
              for (var status : operation.path("responses").propertyNames()) {
                var response = operation.path("responses").path(status);
                if (status.startsWith("4")
                    && response.path("content").has("application/problem+json")) {
                  problems++;
                }
                if (status.startsWith("2")) {
                  failures.addAll(missingExamples(key + " " + status, response.path("content")));
                }
              }
              if (problems < 4) {
                failures.add(key + ": problem responses not declared");
              }
              failures.addAll(
                  missingExamples(key + " request", operation.path("requestBody").path("content")));
            });
    assertThat(failures).isEmpty();
  }

  @Test
  void everyOperationIsInTheChangelogAndDeprecatedOnesSaySo() throws IOException {
    JsonNode changelog;
    try (InputStream in = getClass().getResourceAsStream("/api/changelog.json")) {
      changelog = JSON.readTree(in);
    }
    var named = new HashMap<String, Set<String>>();
    for (var entry : changelog.path("entries")) {
      for (var operation : entry.path("operations")) {
        named
            .computeIfAbsent(lowerMethod(operation.asString()), o -> new HashSet<>())
            .add(entry.path("type").asString());
      }
    }
    var failures = new ArrayList<String>();
    operations()
        .forEach(
            (key, operation) -> {
              var types = named.getOrDefault(key, Set.of());
              if (types.isEmpty()) {
                failures.add(
                    "\""
                        + key.toUpperCase(java.util.Locale.ROOT).substring(0, key.indexOf(' '))
                        + key.substring(key.indexOf(' '))
                        + "\",");
              }
              if (operation.path("deprecated").asBoolean() && !types.contains("deprecated")) {
                failures.add(key + ": deprecated, without a 'deprecated' entry");
              }
            });
    assertThat(failures)
        .as("operations missing from src/main/resources/api/changelog.json")
        .isEmpty();
    var served = new Api(port).get("/api/v1/changelog");
    assertThat(served.status()).isEqualTo(200);
    assertThat(served.body()).isEqualTo(changelog);
  }

  /** "GET /api/v1/…" as "get /api/v1/…": the method in lower case, the path as it is. */
  private static String lowerMethod(String operation) {
    var space = operation.indexOf(' ');
    return operation.substring(0, space).toLowerCase(java.util.Locale.ROOT)
        + operation.substring(space);
  }

  private List<String> missingExamples(String where, JsonNode content) {
    var missing = new ArrayList<String>();
    for (var type : content.propertyNames()) {
      var media = content.path(type);
      if (!type.contains("json")
          && !(type.equals("*/*")
              && !"binary".equals(media.path("schema").path("format").asString("")))) {
        continue;
      }
      if (!media.has("example") && media.path("examples").isEmpty()) {
        missing.add(where + " " + type + ": no example");
      }
    }
    return missing;
  }

  /** The operations whose handlers are marked {@link IdempotentCreate}, as "post /api/v1/…". */
  private Set<String> createHandlers() {
    var creates = new HashSet<String>();
    handlers
        .getHandlerMethods()
        .forEach(
            (info, handler) -> {
              if (!((HandlerMethod) handler).hasMethodAnnotation(IdempotentCreate.class)) {
                return;
              }
              for (var pattern : info.getPatternValues()) {
                for (var method : info.getMethodsCondition().getMethods()) {
                  creates.add(
                      method.name().toLowerCase(java.util.Locale.ROOT)
                          + " "
                          + pattern.replaceAll("\\{(\\w+):[^}]*}", "{$1}"));
                }
              }
            });
    return creates;
  }

  private JsonNode answerSchema(JsonNode operation) {
    var ok = operation.path("responses").path("200").path("content");
    for (var type : ok.propertyNames()) {
      if (type.contains("json") || type.equals("*/*")) {
        return ok.path(type).path("schema");
      }
    }
    return tools.jackson.databind.node.MissingNode.getInstance();
  }

  private JsonNode resolve(JsonNode schema) {
    var ref = schema.path("$ref").asString("");
    if (ref.isEmpty()) {
      return schema;
    }
    return document
        .path("components")
        .path("schemas")
        .path(ref.substring(ref.lastIndexOf('/') + 1));
  }

  private static String type(JsonNode schema) {
    var type = schema.path("type");
    if (type.isArray()) {
      for (var t : type) {
        if (!"null".equals(t.asString())) {
          return t.asString();
        }
      }
    }
    return type.asString("");
  }

  private static List<String> parameterNames(JsonNode operation, String in) {
    var names = new ArrayList<String>();
    for (var parameter : operation.path("parameters")) {
      if (in.equals(parameter.path("in").asString())) {
        names.add(parameter.path("name").asString());
      }
    }
    return names;
  }

  private static Map<String, String> ifMatchExempt() {
    var exempt = new java.util.LinkedHashMap<String, String>();
    exempt.put(
        "delete /api/v1/doctors/{doctorId}/time-off/{id}", "a delete of an entry never edited");
    exempt.put("delete /api/v1/staff/{userId}", "a removal: nothing of it to overwrite");
    exempt.put("delete /api/v1/message-templates/{kind}/{locale}", "a reset to the built-in words");
    exempt.put("put /api/v1/patients/{id}/tags/{tag}", "idempotent: a tag is there or not");
    exempt.put("delete /api/v1/patients/{id}/tags/{tag}", "idempotent: a tag is there or not");
    return exempt;
  }

  private static Map<String, String> postExempt() {
    var exempt = new java.util.LinkedHashMap<String, String>();
    var signIn = "signing in, up or out of a secret: no record of a clinic to create or version";
    for (var path :
        List.of(
            "/api/v1/signups",
            "/api/v1/email-confirmations",
            "/api/v1/tokens",
            "/api/v1/tokens/refresh",
            "/api/v1/tokens/switch-clinic",
            "/api/v1/password-resets",
            "/api/v1/password-resets/complete",
            "/api/v1/invitations/accept",
            "/api/v1/me/mfa",
            "/api/v1/me/mfa/confirmation",
            "/api/v1/me/mfa/recovery-codes",
            "/api/v1/me/mfa/disable")) {
      exempt.put("post " + path, signIn);
    }
    var provider = "a payment provider's callback, verified by its signature, outside any clinic";
    exempt.put("post /api/v1/webhooks/stripe", provider);
    exempt.put("post /api/v1/webhooks/razorpay", provider);
    var channel = "a messaging provider's callback, verified by its signature (notifications)";
    exempt.put("post /api/v1/webhooks/sms/{tenant}/{clinic}/inbound", channel);
    exempt.put("post /api/v1/webhooks/sms/{tenant}/{clinic}/status", channel);
    exempt.put("post /api/v1/webhooks/whatsapp/{tenant}/{clinic}", channel);
    exempt.put("post /api/v1/webhooks/whatsapp", channel);
    var sendsAgain = "sends a delivery on purpose each time; receivers dedupe by webhook-id";
    exempt.put("post /api/v1/webhook-endpoints/{id}/deliveries/{deliveryId}/replay", sendsAgain);
    exempt.put("post /api/v1/webhook-endpoints/{id}/test", sendsAgain);
    var callsOut = "calls a payment provider: it cannot wait inside the create's transaction";
    exempt.put("post /api/v1/subscription/checkout", callsOut);
    exempt.put("post /api/v1/invoices/{id}/payment-link", callsOut);
    exempt.put("post /api/v1/invitations", "sends an e-mail; the pending invitation is unique");
    exempt.put(
        "post /api/v1/patients/{id}/documents",
        "writes the file outside the database: a rolled-back create would leave it behind");
    exempt.put(
        "post /api/v1/patients/imports", "idempotent by content: the same file answers its import");
    exempt.put("post /api/v1/patients/imports/{importId}/start", "starting again changes nothing");
    exempt.put("post /api/v1/visits/call-next", "takes the next in the queue: no record named");
    exempt.put("post /api/v1/front-desk/screen-link", "replaces the screen's link: no version");
    exempt.put("post /api/v1/message-templates/{kind}/{locale}/preview", "changes nothing");
    exempt.put("post /api/v1/messages/{id}/resend", "sends again what failed; 409 unless failed");
    exempt.put(
        "post /api/v1/waitlist/{id}/accept", "books through Bookings; the entry has no version");
    exempt.put("post /api/v1/api-keys/{id}/revoke", "idempotent: a revoked key stays revoked");
    exempt.put("post /api/v1/invitations/{id}/revoke", "idempotent: a revoked invitation stays so");
    exempt.put("post /api/v1/staff/{userId}/suspend", "idempotent: a member is suspended or not");
    exempt.put("post /api/v1/staff/{userId}/reactivate", "idempotent: a member is active or not");
    exempt.put("post /api/v1/service-types/{name}/retire", "idempotent: retired or not");
    exempt.put("post /api/v1/service-types/{name}/restore", "idempotent: offered or not");
    exempt.put("post /api/v1/note-templates/{id}/retire", "idempotent: retired or not");
    exempt.put("post /api/v1/prescriptions/{id}/send", "sends a copy; changes no record");
    exempt.put("post /api/v1/invoices/{id}/send", "sends a copy; changes no record");
    exempt.put(
        "post /api/v1/doctors/{doctorId}/calendar-feed", "replaces the feed's link: no version");
    exempt.put(
        "post /api/v1/doctors/{doctorId}/time-off",
        "a create that may reach every organization's calendar of the doctor (another scope)");
    return exempt;
  }
}
