package io.carebook.notifications;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.TestOrganizations;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/** Providers call back: signed status updates and patients' replies; forgeries are refused. */
class WebhooksTests extends FakeProviders {

  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final String BASE_URL = "http://localhost:8080"; // carebook.base-url's default

  @Autowired TestOrganizations organizations;
  @Autowired Environment environment;
  @LocalServerPort int port;
  Clinics clinic;
  String sid;
  String phoneNumberId;

  @BeforeEach
  void openClinic() {
    clinic = new Clinics(organizations, port, environment);
    sid = "AC" + UUID.randomUUID().toString().replace("-", "");
    phoneNumberId = String.valueOf(System.nanoTime());
    clinic.settings(
        Map.of(
            "channels",
            List.of("SMS"),
            "sms",
            Map.of("accountSid", sid, "from", "+15005550006", "authToken", "sms-secret"),
            "whatsapp",
            Map.of(
                "phoneNumberId",
                phoneNumberId,
                "accessToken",
                "wa-token",
                "appSecret",
                "wa-secret",
                "verifyToken",
                "let-me-in")));
    PROVIDERS.stubFor(
        post(urlPathEqualTo("/2010-04-01/Accounts/" + sid + "/Messages.json"))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withTransformers("response-template")
                    .withBody("{\"sid\": \"SM{{randomValue length=16 type='ALPHANUMERIC'}}\"}")));
  }

  // -- Twilio's scheme, written out here independently of the application's code

  static String twilioSignature(String token, String url, Map<String, String> params) {
    var data = new StringBuilder(url);
    new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
    return Base64.getEncoder()
        .encodeToString(hmac("HmacSHA1", token, data.toString().getBytes(StandardCharsets.UTF_8)));
  }

  static byte[] hmac(String algorithm, String key, byte[] data) {
    try {
      var mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
      return mac.doFinal(data);
    } catch (Exception e) {
      throw new IllegalStateException(e);
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

  HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** POSTs a form to {@code url} (an address we gave Twilio), signed as Twilio signs it. */
  HttpResponse<String> twilio(String url, Map<String, String> params, String token) {
    var path = url.substring(BASE_URL.length());
    return send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Twilio-Signature", twilioSignature(token, url, params))
            .POST(HttpRequest.BodyPublishers.ofString(form(params))));
  }

  HttpResponse<String> whatsapp(String body, String secret) {
    var signature =
        "sha256="
            + HexFormat.of()
                .formatHex(hmac("HmacSHA256", secret, body.getBytes(StandardCharsets.UTF_8)));
    return send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + whatsappPath()))
            .header("Content-Type", "application/json")
            .header("X-Hub-Signature-256", signature)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  String whatsappPath() {
    return "/api/v1/webhooks/whatsapp/" + clinic.owner.tenant() + "/" + clinic.owner.clinic();
  }

  String inboundUrl() {
    return BASE_URL
        + "/api/v1/webhooks/sms/"
        + clinic.owner.tenant()
        + "/"
        + clinic.owner.clinic()
        + "/inbound";
  }

  /** The status callback and provider id of the confirmation SMS sent for an appointment. */
  Map<String, String> sentSms(Clinics.Message sent) {
    var request =
        PROVIDERS
            .findAll(
                postRequestedFor(urlPathEqualTo("/2010-04-01/Accounts/" + sid + "/Messages.json")))
            .stream()
            .filter(r -> r.getHeader("Idempotency-Key").equals(sent.id().toString()))
            .findFirst()
            .orElseThrow();
    var fields = new LinkedHashMap<String, String>();
    for (var pair : request.getBodyAsString().split("&")) {
      var kv = pair.split("=", 2);
      fields.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    fields.put(
        "MessageSid",
        clinic
            .database
            .sql("select provider_message_id from outbox_messages where id = ?")
            .param(sent.id())
            .query(String.class)
            .single());
    return fields;
  }

  Clinics.Message bookedAndSent(String name, String phone, int hour) {
    var appointment = clinic.book(Clinics.at(4, hour), name, phone);
    return clinic
        .awaitMessages(
            appointment, m -> ChannelsTests.has(m, MessageKind.APPOINTMENT_BOOKED, "SENT"))
        .getFirst();
  }

  @Test
  void aSignedStatusCallbackMovesTheMessageForwardAndReplaysChangeNothing() {
    var sent = bookedAndSent("Status Patient", "+201001231001", 10);
    var sms = sentSms(sent);
    var params =
        Map.of(
            "MessageSid", sms.get("MessageSid"), "MessageStatus", "delivered", "AccountSid", sid);
    assertThat(twilio(sms.get("StatusCallback"), params, "sms-secret").statusCode()).isEqualTo(204);
    assertThat(clinic.message(sent.id()).status()).isEqualTo("DELIVERED");
    assertThat(twilio(sms.get("StatusCallback"), params, "sms-secret").statusCode()).isEqualTo(204);
    var late = Map.of("MessageSid", sms.get("MessageSid"), "MessageStatus", "sent");
    assertThat(twilio(sms.get("StatusCallback"), late, "sms-secret").statusCode()).isEqualTo(204);
    assertThat(clinic.message(sent.id()).status()).isEqualTo("DELIVERED");
  }

  @Test
  void aForgedSignatureIsRefusedWithAProblem() {
    var sent = bookedAndSent("Forged Patient", "+201001231002", 11);
    var sms = sentSms(sent);
    var params = Map.of("MessageSid", sms.get("MessageSid"), "MessageStatus", "failed");
    var forged = twilio(sms.get("StatusCallback"), params, "guessed-token");
    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(forged.headers().firstValue("Content-Type").orElse(""))
        .contains("application/problem+json");
    assertThat(forged.body()).contains("bad-signature");
    assertThat(clinic.message(sent.id()).status()).isEqualTo("SENT");
    var unsigned =
        send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + whatsappPath()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertThat(unsigned.statusCode()).isEqualTo(401);
  }

  @Test
  void anotherOrganizationsAddressIsNotFound() {
    var path = "/api/v1/webhooks/whatsapp/" + UUID.randomUUID() + "/" + clinic.owner.clinic();
    var response =
        send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertThat(response.statusCode()).isEqualTo(404);
  }

  @Test
  void whatsappStatusesAreVerifiedAndApplied() {
    var sent = bookedAndSent("Whatsapp Status", "+201001231003", 12);
    var body =
        """
        {"object": "whatsapp_business_account", "entry": [{"id": "1", "changes": [{"field": "messages",
          "value": {"messaging_product": "whatsapp", "metadata": {"phone_number_id": "%s"},
            "statuses": [{"id": "wamid.unknown", "status": "read", "biz_opaque_callback_data": "%s",
                          "recipient_id": "201001231003", "timestamp": "1700000000"}]}}]}]}"""
            .formatted(phoneNumberId, sent.id());
    assertThat(whatsapp(body, "wrong-secret").statusCode()).isEqualTo(401);
    assertThat(clinic.message(sent.id()).status()).isEqualTo("SENT");
    assertThat(whatsapp(body, "wa-secret").statusCode()).isEqualTo(200);
    assertThat(clinic.message(sent.id()).status()).isEqualTo("READ");
  }

  @Test
  void whatsappVerificationEchoesTheChallengeOnlyForTheVerifyToken() {
    var good =
        send(
            HttpRequest.newBuilder(
                URI.create(
                    "http://localhost:"
                        + port
                        + whatsappPath()
                        + "?hub.mode=subscribe&hub.verify_token=let-me-in&hub.challenge=4242")));
    assertThat(good.statusCode()).isEqualTo(200);
    assertThat(good.body()).isEqualTo("4242");
    var bad =
        send(
            HttpRequest.newBuilder(
                URI.create(
                    "http://localhost:"
                        + port
                        + whatsappPath()
                        + "?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=4242")));
    assertThat(bad.statusCode()).isEqualTo(403);
  }

  @Test
  void cancelarCancelsTheAppointmentAndTheReplyIsKept() {
    var sent = bookedAndSent("Reply Cancel", "+201001231004", 13);
    var appointment =
        clinic
            .database
            .sql("select appointment_id::text from outbox_messages where id = ?")
            .param(sent.id())
            .query(String.class)
            .single();
    var reply =
        Map.of(
            "From",
            "+201001231004",
            "To",
            "+15005550006",
            "Body",
            " Cancelar ",
            "MessageSid",
            "SMin" + sid);
    var answer = twilio(inboundUrl(), reply, "sms-secret");
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("<Response/>");
    assertThat(clinic.desk.get("/api/v1/appointments/" + appointment).text("status"))
        .isEqualTo("CANCELLED");
    clinic.awaitMessages(
        appointment, m -> ChannelsTests.has(m, MessageKind.APPOINTMENT_CANCELED, "SENT"));
    assertThat(twilio(inboundUrl(), reply, "sms-secret").statusCode()).isEqualTo(200); // a replay
    assertThat(
            clinic
                .database
                .sql(
                    "select count(*) from outbox_messages where tenant_id = ? and direction = 'IN' and kind = 'REPLY_CANCEL'")
                .param(clinic.owner.tenant().value())
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void naamConfirmsStopOptsOutAndOtherWordsWaitForStaff() {
    var sent = bookedAndSent("Reply Many", "+201001231005", 14);
    var patient =
        clinic
            .database
            .sql("select patient_id::text from outbox_messages where id = ?")
            .param(sent.id())
            .query(String.class)
            .single();
    twilio(
        inboundUrl(),
        Map.of("From", "+201001231005", "Body", "نعم", "MessageSid", "SM1" + sid),
        "sms-secret");
    twilio(
        inboundUrl(),
        Map.of("From", "+201001231005", "Body", "Can I come at 5?", "MessageSid", "SM2" + sid),
        "sms-secret");
    twilio(
        inboundUrl(),
        Map.of("From", "+201001231005", "Body", "STOP", "MessageSid", "SM3" + sid),
        "sms-secret");
    var kinds =
        clinic
            .database
            .sql(
                "select kind from outbox_messages where tenant_id = ? and direction = 'IN' order by created_at")
            .param(clinic.owner.tenant().value())
            .query(String.class)
            .list();
    assertThat(kinds).containsExactly("REPLY_CONFIRM", "REPLY_OTHER", "REPLY_STOP");
    assertThat(
            clinic
                .desk
                .get("/api/v1/patients/" + patient + "/message-preferences")
                .body()
                .path("optedOut")
                .asBoolean())
        .isTrue();
    var answers =
        clinic
            .database
            .sql(
                "select body from outbox_messages where tenant_id = ? and kind = 'REPLY_ANSWER' order by created_at")
            .param(clinic.owner.tenant().value())
            .query(String.class)
            .list();
    assertThat(answers).hasSize(2);
    assertThat(answers.getFirst()).contains("confirmed");
    var appointment =
        clinic
            .database
            .sql("select appointment_id::text from outbox_messages where id = ?")
            .param(sent.id())
            .query(String.class)
            .single();
    var confirmed = clinic.desk.get("/api/v1/appointments/" + appointment);
    assertThat(confirmed.body().path("confirmedAt").isString())
        .as("the reply confirmed the appointment: " + confirmed.body())
        .isTrue();
  }
}
