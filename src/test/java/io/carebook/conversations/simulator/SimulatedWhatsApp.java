package io.carebook.conversations.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.TestOrganizations;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A test clinic whose WhatsApp settings name a phone number id, an access token and an app secret,
 * as the demo clinics' do with the simulator on, and what the clinic sends through the fake Cloud
 * API over HTTP.
 */
final class SimulatedWhatsApp {

  static final String ACCESS_TOKEN = "sim-test-token";
  static final String APP_SECRET = "sim-test-secret";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  final TestOrganizations.Owner owner;
  final String phoneNumberId = String.valueOf(System.nanoTime());
  private final int port;

  SimulatedWhatsApp(TestOrganizations organizations, int port) {
    this.port = port;
    this.owner = organizations.signUp(new Api(port));
    var saved =
        new Api(port)
            .as(owner.token())
            .put(
                "/api/v1/notification-settings",
                Map.of(
                    "channels",
                    List.of(),
                    "whatsapp",
                    Map.of(
                        "phoneNumberId",
                        phoneNumberId,
                        "accessToken",
                        ACCESS_TOKEN,
                        "appSecret",
                        APP_SECRET)),
                Map.of());
    assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
  }

  /** The phone page's address for this clinic and patient. */
  String page(String patient) {
    return "/dev/whatsapp?tenant="
        + owner.tenant().value()
        + "&clinic="
        + owner.clinic().value()
        + "&phone="
        + patient.replace("+", "%2B");
  }

  record Answer(int status, JsonNode body) {}

  /** The clinic sends {@code payload} through the fake Cloud API with {@code token}. */
  Answer send(String payload, @Nullable String token) {
    var request =
        HttpRequest.newBuilder(
                URI.create(
                    "http://localhost:"
                        + port
                        + "/dev/whatsapp/graph/v21.0/"
                        + phoneNumberId
                        + "/messages"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(payload));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), JSON.readTree(response.body()));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Answer send(String payload) {
    return send(payload, ACCESS_TOKEN);
  }

  static String text(String to, String body) {
    return """
        {"messaging_product": "whatsapp", "recipient_type": "individual", "to": "%s", "type": "text",
         "text": {"body": "%s"}}"""
        .formatted(to, body);
  }

  static String list(String to) {
    return """
        {"messaging_product": "whatsapp", "to": "%s", "type": "interactive",
         "interactive": {"type": "list", "header": {"type": "text", "text": "Times"},
           "body": {"text": "Which time suits you?"},
           "action": {"button": "See times", "sections": [{"title": "Thursday", "rows": [
             {"id": "slot-%s-1", "title": "Thu 10:00", "description": "Dr. Amal"},
             {"id": "slot-%s-2", "title": "Thu 10:30", "description": "Dr. Amal"}]}]}}}"""
        .formatted(to, UUID.randomUUID(), UUID.randomUUID());
  }

  static String buttons(String to) {
    return """
        {"messaging_product": "whatsapp", "to": "%s", "type": "interactive",
         "interactive": {"type": "button", "body": {"text": "Book Thursday 10:00?"},
           "action": {"buttons": [{"type": "reply", "reply": {"id": "yes", "title": "Yes, book it"}},
                                  {"type": "reply", "reply": {"id": "no", "title": "Another time"}}]}}}"""
        .formatted(to);
  }

  static String template(String to) {
    return """
        {"messaging_product": "whatsapp", "to": "%s", "type": "template",
         "template": {"name": "appointment_reminder", "language": {"code": "en"},
           "components": [{"type": "body", "parameters": [{"type": "text", "text": "Amal"},
                                                          {"type": "text", "text": "Nile Dokki"}]}]}}"""
        .formatted(to);
  }
}
