package io.carebook.notifications;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * SMS through a Twilio-compatible API: a form POST to {@code
 * /2010-04-01/Accounts/{sid}/Messages.json} with basic auth. Delivery states come back to {@link
 * Webhooks#smsStatusPath} with our message id in the callback's address.
 */
@Component
class SmsChannel implements Channel {

  private final ProviderHttp http;
  private final Webhooks webhooks;
  private final String baseUrl;
  private final JsonMapper json = JsonMapper.builder().build();

  SmsChannel(
      ProviderHttp http,
      Webhooks webhooks,
      @Value("${carebook.notifications.sms.base-url:https://api.twilio.com}") String baseUrl) {
    this.http = http;
    this.webhooks = webhooks;
    this.baseUrl = baseUrl;
  }

  @Override
  public MessageChannel channel() {
    return MessageChannel.SMS;
  }

  @Override
  public boolean ready(ChannelSettings settings) {
    return settings.smsReady();
  }

  @Override
  public Sent send(Outbox.Row row, ChannelSettings settings) throws DeliveryFailed {
    var message = row.message();
    var form = new LinkedHashMap<String, String>();
    form.put("To", message.recipient());
    form.put("From", settings.smsFrom());
    form.put("Body", message.body());
    form.put("StatusCallback", webhooks.smsStatusUrl(row));
    var credentials = settings.smsAccountSid() + ":" + settings.smsAuthToken();
    var request =
        http.request(
                URI.create(
                    baseUrl
                        + "/2010-04-01/Accounts/"
                        + settings.smsAccountSid()
                        + "/Messages.json"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
            .header("Idempotency-Key", message.id().toString())
            .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
            .build();
    var answer = json.readTree(http.send(request));
    return new Sent("twilio", answer.path("sid").asString(null));
  }

  static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
