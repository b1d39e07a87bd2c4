package io.carebook.conversations;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A patient's phone talking to a clinic through a fake WhatsApp Cloud API: what the patient sends
 * arrives at the app-level webhook as Meta sends it (signed with the clinic's app secret, the real
 * payload shapes: text, list replies, button replies, statuses); what the clinic sends is read back
 * from WireMock, where the application posted it.
 */
final class WhatsAppPhone {

  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final JsonMapper JSON = JsonMapper.builder().build();

  final String number;
  final String phoneNumberId;
  final String appSecret;
  private final int port;
  private final WireMockServer cloud;
  private int seen;

  WhatsAppPhone(
      String number, String phoneNumberId, String appSecret, int port, WireMockServer cloud) {
    this.number = number;
    this.phoneNumberId = phoneNumberId;
    this.appSecret = appSecret;
    this.port = port;
    this.cloud = cloud;
  }

  /** The Cloud API's send endpoint for the clinic's number, answering like Meta does. */
  static void stubCloudApi(WireMockServer cloud, String phoneNumberId) {
    cloud.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.post(
                urlPathEqualTo("/v21.0/" + phoneNumberId + "/messages"))
            .withRequestBody(
                matchingJsonPath(
                    "$.messaging_product",
                    com.github.tomakehurst.wiremock.client.WireMock.equalTo("whatsapp")))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withTransformers("response-template")
                    .withBody(
                        "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"{{jsonPath"
                            + " request.body '$.to'}}\",\"wa_id\":\"{{jsonPath request.body"
                            + " '$.to'}}\"}],\"messages\":[{\"id\":\"wamid.{{randomValue"
                            + " length=24 type='ALPHANUMERIC'}}\"}]}")));
  }

  String digits() {
    return number.substring(1);
  }

  // -- what the patient sends

  String text(String body) {
    return deliver(message("text", Map.of("text", Map.of("body", body))));
  }

  String tapRow(String id, String title) {
    return deliver(
        message(
            "interactive",
            Map.of(
                "interactive",
                Map.of("type", "list_reply", "list_reply", Map.of("id", id, "title", title)))));
  }

  String tapButton(String id, String title) {
    return deliver(
        message(
            "interactive",
            Map.of(
                "interactive",
                Map.of("type", "button_reply", "button_reply", Map.of("id", id, "title", title)))));
  }

  /** Taps the option whose id starts with {@code prefix} (the n-th such) in a message received. */
  String tap(JsonNode received, String prefix, int nth) {
    var interactive = received.path("interactive");
    var options = options(received);
    var option =
        options.stream()
            .filter(o -> o.path("id").asString().startsWith(prefix))
            .skip(nth)
            .findFirst();
    assertThat(option).as("an option %s… in %s", prefix, received).isPresent();
    var id = option.get().path("id").asString();
    var title = option.get().path("title").asString();
    return "list".equals(interactive.path("type").asString())
        ? tapRow(id, title)
        : tapButton(id, title);
  }

  String tap(JsonNode received, String prefix) {
    return tap(received, prefix, 0);
  }

  static List<JsonNode> options(JsonNode received) {
    var interactive = received.path("interactive");
    var options = new ArrayList<JsonNode>();
    for (var section : interactive.path("action").path("sections")) {
      section.path("rows").forEach(options::add);
    }
    for (var button : interactive.path("action").path("buttons")) {
      options.add(button.path("reply"));
    }
    return options;
  }

  Map<String, Object> message(String type, Map<String, Object> content) {
    var message = new java.util.LinkedHashMap<String, Object>();
    message.put("from", digits());
    message.put("id", "wamid." + UUID.randomUUID().toString().replace("-", ""));
    message.put("timestamp", String.valueOf(System.currentTimeMillis() / 1000));
    message.put("type", type);
    message.putAll(content);
    return message;
  }

  /** Delivers one message as Meta's webhook does; returns the message's id. */
  String deliver(Map<String, Object> message) {
    var response =
        post(
            payload(
                Map.of(
                    "messages",
                    List.of(message),
                    "contacts",
                    List.of(Map.of("profile", Map.of("name", "Patient"), "wa_id", digits())))),
            appSecret);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return (String) message.get("id");
  }

  /** A delivery state for a message the clinic sent, as Meta reports it. */
  void status(String providerMessageId, String status) {
    var response =
        post(
            payload(
                Map.of(
                    "statuses",
                    List.of(
                        Map.of(
                            "id",
                            providerMessageId,
                            "status",
                            status,
                            "timestamp",
                            String.valueOf(System.currentTimeMillis() / 1000),
                            "recipient_id",
                            digits())))),
            appSecret);
    assertThat(response.statusCode()).isEqualTo(200);
  }

  String payload(Map<String, Object> value) {
    var full = new java.util.LinkedHashMap<String, Object>();
    full.put("messaging_product", "whatsapp");
    full.put(
        "metadata",
        Map.of("display_phone_number", "15550001111", "phone_number_id", phoneNumberId));
    full.putAll(value);
    return JSON.writeValueAsString(
        Map.of(
            "object",
            "whatsapp_business_account",
            "entry",
            List.of(
                Map.of(
                    "id",
                    "102290129340398",
                    "changes",
                    List.of(Map.of("value", full, "field", "messages"))))));
  }

  HttpResponse<String> post(String body, String secret) {
    var signature =
        "sha256=" + HexFormat.of().formatHex(hmac(secret, body.getBytes(StandardCharsets.UTF_8)));
    try {
      return HTTP.send(
          HttpRequest.newBuilder(
                  URI.create("http://localhost:" + port + "/api/v1/webhooks/whatsapp"))
              .header("Content-Type", "application/json")
              .header("X-Hub-Signature-256", signature)
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] hmac(String key, byte[] data) {
    try {
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(data);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  // -- what the clinic sent

  /** Every message the application posted to the Cloud API for this phone, oldest first. */
  List<JsonNode> received() {
    return cloud
        .findAll(postRequestedFor(urlPathEqualTo("/v21.0/" + phoneNumberId + "/messages")))
        .stream()
        .sorted(java.util.Comparator.comparing(r -> r.getLoggedDate()))
        .map(r -> JSON.readTree(r.getBodyAsString()))
        .filter(m -> m.path("to").asString().equals(digits()))
        .toList();
  }

  /**
   * Waits (up to 75 s) for a message not seen before that matches; marks it and those before seen.
   * Long enough for one retry: a send that times out on a busy machine is tried again after 30 s,
   * as every message is (the full suite once missed a list at 30 s, most likely so).
   */
  JsonNode await(String what, Predicate<JsonNode> matching) {
    var deadline = System.nanoTime() + Duration.ofSeconds(75).toNanos();
    while (true) {
      var all = received();
      for (int i = seen; i < all.size(); i++) {
        if (matching.test(all.get(i))) {
          seen = i + 1;
          return all.get(i);
        }
      }
      assertThat(System.nanoTime())
          .as(
              "waiting for %s; received %s",
              what, all.subList(Math.min(seen, all.size()), all.size()))
          .isLessThan(deadline);
      sleep(150);
    }
  }

  /** The next interactive message offering an option whose id starts with {@code prefix}. */
  JsonNode awaitOption(String prefix) {
    return await(
        "an option " + prefix,
        m -> options(m).stream().anyMatch(o -> o.path("id").asString().startsWith(prefix)));
  }

  /** The next text message containing {@code part}. */
  JsonNode awaitText(String part) {
    return await(
        "a text with " + part,
        m ->
            m.path("text").path("body").asString("").contains(part)
                || m.path("interactive").path("body").path("text").asString("").contains(part));
  }

  /** Sends {@code text} and waits for the bot's first answer. */
  JsonNode awaitOrSend(String text) {
    text(text);
    return await("an answer to " + text, m -> true);
  }

  int count() {
    return received().size();
  }

  /** Taps a language if the bot asked for one (it may have read it from the text instead). */
  JsonNode menuIn(JsonNode first, String language, String menuPrefix) {
    if (options(first).stream().anyMatch(o -> o.path("id").asString().startsWith("lang:"))) {
      tap(first, "lang:" + language);
      return awaitOption(menuPrefix);
    }
    return first;
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
