package io.carebook.notifications;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * WhatsApp through the Cloud API: {@code POST /{version}/{phone-number-id}/messages} with an
 * approved template named after the message's kind (e.g. {@code appointment_reminder}) in the
 * patient's language, its body parameters the message's variables in {@link #PARAMETERS} order. Our
 * message id travels as {@code biz_opaque_callback_data}, which status webhooks echo.
 */
@Component
class WhatsAppChannel implements Channel {

  /** The order of a template's body parameters: {{1}} first name, {{2}} clinic, and so on. */
  static final List<String> PARAMETERS = List.of("firstName", "clinic", "doctor", "when", "link");

  private final ProviderHttp http;
  private final String baseUrl;
  private final String version;
  private final JsonMapper json = JsonMapper.builder().build();

  WhatsAppChannel(
      ProviderHttp http,
      @Value("${carebook.notifications.whatsapp.base-url:https://graph.facebook.com}")
          String baseUrl,
      @Value("${carebook.notifications.whatsapp.version:v21.0}") String version) {
    this.http = http;
    this.baseUrl = baseUrl;
    this.version = version;
  }

  @Override
  public MessageChannel channel() {
    return MessageChannel.WHATSAPP;
  }

  @Override
  public boolean ready(ChannelSettings settings) {
    return settings.whatsappReady();
  }

  @Override
  public Sent send(Outbox.Row row, ChannelSettings settings) throws DeliveryFailed {
    var message = row.message();
    if (message.kind() == MessageKind.CONVERSATION) {
      return post(session(row), settings);
    }
    var parameters =
        PARAMETERS.stream()
            .filter(row.variables()::containsKey)
            .map(name -> Map.of("type", "text", "text", row.variables().get(name)))
            .toList();
    var payload =
        Map.of(
            "messaging_product",
            "whatsapp",
            "to",
            message.recipient().replace("+", ""),
            "type",
            "template",
            "biz_opaque_callback_data",
            message.id().toString(),
            "template",
            Map.of(
                "name",
                message.kind().name().toLowerCase(Locale.ROOT),
                "language",
                Map.of("code", message.locale()),
                "components",
                List.of(Map.of("type", "body", "parameters", parameters))));
    return post(payload, settings);
  }

  /**
   * A session message (inside the 24-hour window): the interactive list or buttons it carries, else
   * its text.
   */
  private Map<String, Object> session(Outbox.Row row) {
    var message = row.message();
    var payload = new LinkedHashMap<String, Object>();
    payload.put("messaging_product", "whatsapp");
    payload.put("recipient_type", "individual");
    payload.put("to", message.recipient().replace("+", ""));
    payload.put("biz_opaque_callback_data", message.id().toString());
    var interactive = row.variables().get(SessionMessages.INTERACTIVE);
    if (interactive != null) {
      payload.put("type", "interactive");
      payload.put("interactive", json.readTree(interactive));
    } else {
      payload.put("type", "text");
      payload.put("text", Map.of("preview_url", false, "body", message.body()));
    }
    return payload;
  }

  private Sent post(Map<String, ?> payload, ChannelSettings settings) throws DeliveryFailed {
    var request =
        http.request(
                URI.create(
                    baseUrl + "/" + version + "/" + settings.whatsappPhoneNumberId() + "/messages"))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + settings.whatsappAccessToken())
            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(payload)))
            .build();
    var answer = json.readTree(http.send(request));
    return new Sent("whatsapp", answer.path("messages").path(0).path("id").asString(null));
  }
}
