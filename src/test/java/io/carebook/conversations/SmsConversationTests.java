package io.carebook.conversations;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.TestOrganizations;
import io.carebook.notifications.FakeProviders;
import io.carebook.tenancy.Plan;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * SMS is the fallback for patients without WhatsApp: the same conversation through Twilio's inbound
 * webhook, its menus numbered lines answered with a number, typed in any script.
 */
class SmsConversationTests extends FakeProviders {

  static final String BASE_URL = "http://localhost:8080"; // carebook.base-url's default

  @Autowired TestOrganizations organizations;
  @Autowired Environment environment;
  @LocalServerPort int port;

  @Test
  void aPatientWithoutWhatsAppBooksBySmsAnsweringMenusWithNumbers() {
    var clinic = new ConversationClinic(organizations, port, environment, PROVIDERS, Plan.GROWTH);
    var sid = "AC" + UUID.randomUUID().toString().replace("-", "");
    var saved =
        clinic.desk.put(
            "/api/v1/notification-settings",
            Map.of(
                "channels",
                List.of("SMS"),
                "sms",
                Map.of("accountSid", sid, "from", "+15005550006", "authToken", "sms-secret")),
            Map.of());
    assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
    PROVIDERS.stubFor(
        post(urlPathEqualTo("/2010-04-01/Accounts/" + sid + "/Messages.json"))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withTransformers("response-template")
                    .withBody("{\"sid\": \"SM{{randomValue length=16 type='ALPHANUMERIC'}}\"}")));
    var phone = clinic.phone();
    var sms = new Sms(clinic, sid, phone.number);

    var first = sms.send("Hola");
    if (first.contains("Español")) {
      first = sms.send("2");
    }
    assertThat(first).contains("nombre completo");
    var menu = sms.send("Ana Pérez");
    assertThat(menu).contains("1. Pedir una cita");
    var days = sms.send("1");
    assertThat(days).contains("2. ");
    var times = sms.send("٢"); // the second day, in Arabic-Indic digits
    assertThat(times).contains("1. ");
    var confirm = sms.send("1");
    assertThat(confirm).contains("1. Sí");
    // the booking's own notice follows in Spanish: the language of the conversation became the
    // patient's language for messages
    assertThat(sms.send("1")).contains("Listo").doesNotContain("Hello Ana");
    var registered = clinic.patientsNamed("Ana Pérez");
    assertThat(registered).hasSize(1);
    assertThat(clinic.appointments(registered.getFirst())).hasSize(1);
  }

  /** The patient's SMS side: Twilio's inbound webhook in, the Messages API's requests out. */
  final class Sms {
    final ConversationClinic clinic;
    final String sid;
    final String number;
    int seen;

    Sms(ConversationClinic clinic, String sid, String number) {
      this.clinic = clinic;
      this.sid = sid;
      this.number = number;
    }

    /** Sends {@code body} and answers the texts the clinic sent back (a turn may say two). */
    String send(String body) {
      var url =
          BASE_URL
              + "/api/v1/webhooks/sms/"
              + clinic.owner.tenant()
              + "/"
              + clinic.owner.clinic()
              + "/inbound";
      var params =
          Map.of(
              "From", number,
              "To", "+15005550006",
              "Body", body,
              "MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""),
              "AccountSid", sid);
      var data = new StringBuilder(url);
      new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
      var signature = Base64.getEncoder().encodeToString(hmac(data.toString()));
      try {
        var response =
            WhatsAppPhone.HTTP.send(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + url.substring(BASE_URL.length())))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Twilio-Signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofString(form(params)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (true) {
        var texts = sent();
        if (texts.size() > seen) {
          WhatsAppPhone.sleep(1500); // a turn may say two things, and a booking brings its notice
          texts = sent();
          var answer = String.join("\n---\n", texts.subList(seen, texts.size()));
          seen = texts.size();
          return answer;
        }
        assertThat(System.nanoTime()).as("an SMS answer to %s", body).isLessThan(deadline);
        WhatsAppPhone.sleep(150);
      }
    }

    List<String> sent() {
      return PROVIDERS
          .findAll(
              postRequestedFor(urlPathEqualTo("/2010-04-01/Accounts/" + sid + "/Messages.json")))
          .stream()
          .sorted(java.util.Comparator.comparing(r -> r.getLoggedDate()))
          .map(r -> fields(r.getBodyAsString()))
          .filter(f -> number.equals(f.get("To")))
          .map(f -> f.get("Body"))
          .toList();
    }

    private byte[] hmac(String data) {
      try {
        var mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec("sms-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  static String form(Map<String, String> params) {
    return params.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  static Map<String, String> fields(String body) {
    var fields = new LinkedHashMap<String, String>();
    for (var pair : body.split("&")) {
      var kv = pair.split("=", 2);
      fields.put(kv[0], kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return fields;
  }
}
