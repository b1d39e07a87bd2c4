package io.carebook.conversations.simulator;

import io.carebook.notifications.Signatures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts to a clinic's WhatsApp webhook what Meta would: the patient's messages ({@code
 * entry[].changes[].value.messages[]} with {@code text}, {@code interactive.list_reply} or {@code
 * interactive.button_reply}) and the delivery statuses of the clinic's own messages, each signed
 * with the clinic's app secret ({@code X-Hub-Signature-256}).
 */
@Component
class ClinicWebhooks {

  private final SimulatedClinics clinics;
  private final JsonMapper json = JsonMapper.builder().build();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  ClinicWebhooks(SimulatedClinics clinics) {
    this.clinics = clinics;
  }

  /**
   * Sends the patient's line to the clinic; answers the state to show under it: "delivered" when
   * the webhook took it, else what went wrong ("HTTP 401").
   */
  String patientSaid(
      String self,
      SimulatedClinic clinic,
      Chats.Key chat,
      ChatLine line,
      @Nullable String replyTo) {
    var message = new HashMap<String, Object>();
    message.put("from", chat.waId());
    message.put("id", line.id());
    message.put("timestamp", String.valueOf(line.at().getEpochSecond()));
    switch (line.kind()) {
      case LIST_REPLY, BUTTON_REPLY -> {
        var option = line.options().getFirst();
        var reply = line.kind() == ChatLine.Kind.LIST_REPLY ? "list_reply" : "button_reply";
        var chosen =
            new HashMap<String, Object>(Map.of("id", option.id(), "title", option.title()));
        if (option.description() != null) {
          chosen.put("description", option.description());
        }
        message.put("type", "interactive");
        message.put("interactive", Map.of("type", reply, reply, chosen));
      }
      default -> {
        message.put("type", "text");
        message.put("text", Map.of("body", line.text()));
      }
    }
    if (replyTo != null) {
      message.put("context", Map.of("from", clinic.phoneNumberId(), "id", replyTo));
    }
    var value = value(clinic);
    value.put(
        "contacts",
        List.of(Map.of("profile", Map.of("name", chat.patient()), "wa_id", chat.waId())));
    value.put("messages", List.of(message));
    return post(self, clinic, value);
  }

  /** Reports that the clinic's message reached ("delivered") or was seen by ("read") the phone. */
  String status(
      String self,
      SimulatedClinic clinic,
      Chats.Key chat,
      ChatLine line,
      String state,
      @Nullable String callbackData) {
    var status = new HashMap<String, Object>();
    status.put("id", line.id());
    status.put("status", state);
    status.put("timestamp", String.valueOf(Instant.now().getEpochSecond()));
    status.put("recipient_id", chat.waId());
    if (callbackData != null) {
      status.put("biz_opaque_callback_data", callbackData);
    }
    var value = value(clinic);
    value.put("statuses", List.of(status));
    return post(self, clinic, value);
  }

  private static Map<String, Object> value(SimulatedClinic clinic) {
    var value = new HashMap<String, Object>();
    value.put("messaging_product", "whatsapp");
    value.put(
        "metadata",
        Map.of(
            "display_phone_number",
            clinic.phoneNumberId(),
            "phone_number_id",
            clinic.phoneNumberId()));
    return value;
  }

  private String post(String self, SimulatedClinic clinic, Map<String, Object> value) {
    var secret = clinics.secretsOf(clinic).appSecret();
    if (secret == null) {
      return "no app secret";
    }
    var payload =
        Map.of(
            "object",
            "whatsapp_business_account",
            "entry",
            List.of(
                Map.of(
                    "id",
                    "simulated-business-account",
                    "changes",
                    List.of(Map.of("field", "messages", "value", value)))));
    var body = json.writeValueAsString(payload).getBytes(StandardCharsets.UTF_8);
    var request =
        HttpRequest.newBuilder(URI.create(self + clinic.webhookPath()))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("X-Hub-Signature-256", Signatures.whatsapp(secret, body))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    try {
      var status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      return status / 100 == 2 ? "delivered" : "HTTP " + status;
    } catch (java.io.IOException e) {
      return "unreachable";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unreachable";
    }
  }
}
