package io.carebook.notifications;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.carebook.TestOrganizations;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/** Messages reach real SMTP and providers faked at the wire, through errors and timeouts. */
class ChannelsTests extends FakeProviders {

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
  }

  String smsPath() {
    return "/2010-04-01/Accounts/" + sid + "/Messages.json";
  }

  String whatsappPath() {
    return "/v21.0/" + phoneNumberId + "/messages";
  }

  void useChannels(String... channels) {
    clinic.settings(
        Map.of(
            "channels",
            List.of(channels),
            "sms",
            Map.of("accountSid", sid, "from", "+15005550006", "authToken", "sms-secret"),
            "whatsapp",
            Map.of(
                "phoneNumberId",
                phoneNumberId,
                "accessToken",
                "wa-token",
                "appSecret",
                "wa-secret")));
  }

  void smsAnswers(int status, String body) {
    PROVIDERS.stubFor(
        post(urlPathEqualTo(smsPath())).willReturn(aResponse().withStatus(status).withBody(body)));
  }

  static boolean has(List<Clinics.Message> messages, MessageKind kind, String status) {
    return messages.stream()
        .anyMatch(m -> m.kind().equals(kind.name()) && m.status().equals(status));
  }

  @Test
  void smsGoesToTheTwilioApiWithBasicAuthOurMessageIdAndAStatusCallback() {
    useChannels("SMS");
    smsAnswers(201, "{\"sid\": \"SM" + sid.substring(2) + "\", \"status\": \"queued\"}");
    var appointment = clinic.book(Clinics.at(4, 10), "Sara Nabil", "+201001230001");
    var sent =
        clinic
            .awaitMessages(appointment, m -> has(m, MessageKind.APPOINTMENT_BOOKED, "SENT"))
            .getFirst();
    assertThat(sent.provider()).isEqualTo("twilio");
    var basic =
        Base64.getEncoder().encodeToString((sid + ":sms-secret").getBytes(StandardCharsets.UTF_8));
    PROVIDERS.verify(
        postRequestedFor(urlPathEqualTo(smsPath()))
            .withHeader("Authorization", equalTo("Basic " + basic))
            .withHeader("Idempotency-Key", equalTo(sent.id().toString()))
            .withRequestBody(containing("To=%2B201001230001"))
            .withRequestBody(containing("From=%2B15005550006"))
            .withRequestBody(containing("Body=Hello+Sara"))
            .withRequestBody(containing("StatusCallback=")));
    assertThat(
            clinic
                .database
                .sql("select provider_message_id from outbox_messages where id = ?")
                .param(sent.id())
                .query(String.class)
                .single())
        .isEqualTo("SM" + sid.substring(2));
  }

  @Test
  void whenThePlansMessagesOfTheMonthAreUsedUpNoMoreSmsGoesOut() {
    useChannels("SMS");
    smsAnswers(201, "{\"sid\": \"SMx\", \"status\": \"queued\"}");
    var limit = io.carebook.tenancy.Plan.STARTER.messagesPerMonth();
    // the month's SMS so far: all the STARTER plan allows
    clinic
        .database
        .sql(
            """
            insert into outbox_messages (tenant_id, id, clinic_id, channel, recipient, kind, locale,
                                         subject, body, status, sent_at)
            select ?, gen_random_uuid(), ?, 'SMS', '+2010' || lpad(n::text, 8, '0'),
                   'APPOINTMENT_REMINDER', 'en', '', 'Earlier ' || n, 'SENT', now()
            from generate_series(1, ?) n""")
        .params(clinic.owner.tenant().value(), clinic.owner.clinic().value(), limit)
        .update();
    var appointment = clinic.book(Clinics.at(4, 12), "Over Limit", "+201001230009");
    var failed =
        clinic
            .awaitMessages(appointment, m -> has(m, MessageKind.APPOINTMENT_BOOKED, "FAILED"))
            .stream()
            .filter(m -> m.kind().equals(MessageKind.APPOINTMENT_BOOKED.name()))
            .findFirst()
            .orElseThrow();
    assertThat(
            clinic
                .database
                .sql("select last_error from outbox_messages where id = ?")
                .param(failed.id())
                .query(String.class)
                .single())
        .isEqualTo(Dispatcher.PAID_CHANNELS_USED_UP);
    PROVIDERS.verify(0, postRequestedFor(urlPathEqualTo(smsPath())));

    // on a plan with room, the next message goes out
    organizations.onPlan(clinic.owner, io.carebook.tenancy.Plan.GROWTH);
    var next = clinic.book(Clinics.at(4, 13), "Under Limit", "+201001230010");
    clinic.awaitMessages(next, m -> has(m, MessageKind.APPOINTMENT_BOOKED, "SENT"));
  }

  @Test
  void whatsappSendsTheApprovedTemplateInThePatientsLanguage() {
    useChannels("WHATSAPP", "SMS");
    PROVIDERS.stubFor(
        post(urlPathEqualTo(whatsappPath()))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody("{\"messages\": [{\"id\": \"wamid." + phoneNumberId + "\"}]}")));
    var appointment = clinic.book(Clinics.at(4, 11), "Hana Adel", "+201001230002");
    var sent =
        clinic
            .awaitMessages(appointment, m -> has(m, MessageKind.APPOINTMENT_BOOKED, "SENT"))
            .getFirst();
    assertThat(sent.channel()).isEqualTo("WHATSAPP");
    assertThat(sent.provider()).isEqualTo("whatsapp");
    PROVIDERS.verify(
        postRequestedFor(urlPathEqualTo(whatsappPath()))
            .withHeader("Authorization", equalTo("Bearer wa-token"))
            .withRequestBody(matchingJsonPath("$.messaging_product", equalTo("whatsapp")))
            .withRequestBody(matchingJsonPath("$.to", equalTo("201001230002")))
            .withRequestBody(matchingJsonPath("$.type", equalTo("template")))
            .withRequestBody(matchingJsonPath("$.template.name", equalTo("appointment_booked")))
            .withRequestBody(matchingJsonPath("$.template.language.code", equalTo("en")))
            .withRequestBody(
                matchingJsonPath("$.template.components[0].parameters[0].text", equalTo("Hana")))
            .withRequestBody(
                matchingJsonPath("$.biz_opaque_callback_data", equalTo(sent.id().toString()))));
  }

  @Test
  void aPermanentWhatsappErrorFallsBackToSms() {
    useChannels("WHATSAPP", "SMS");
    PROVIDERS.stubFor(
        post(urlPathEqualTo(whatsappPath()))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody("{\"error\": {\"message\": \"Template not approved\"}}")));
    smsAnswers(201, "{\"sid\": \"SMfallback\"}");
    var appointment = clinic.book(Clinics.at(4, 12), "Fallback Patient", "+201001230003");
    var sent =
        clinic
            .awaitMessages(appointment, m -> has(m, MessageKind.APPOINTMENT_BOOKED, "SENT"))
            .getFirst();
    assertThat(sent.channel()).isEqualTo("SMS");
    assertThat(sent.provider()).isEqualTo("twilio");
    assertThat(sent.attempts()).isEqualTo(1);
  }

  @Test
  void aServerErrorIsRetriedLaterAndTheRetrySucceeds() {
    useChannels("SMS");
    PROVIDERS.stubFor(
        post(urlPathEqualTo(smsPath()))
            .inScenario(sid)
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(503).withBody("busy"))
            .willSetStateTo("recovered"));
    PROVIDERS.stubFor(
        post(urlPathEqualTo(smsPath()))
            .inScenario(sid)
            .whenScenarioStateIs("recovered")
            .willReturn(aResponse().withStatus(201).withBody("{\"sid\": \"SMretried\"}")));
    var appointment = clinic.book(Clinics.at(4, 13), "Retry Patient", "+201001230004");
    var sent =
        clinic
            .awaitMessages(appointment, m -> has(m, MessageKind.APPOINTMENT_BOOKED, "SENT"))
            .getFirst();
    assertThat(sent.attempts()).isEqualTo(2);
    PROVIDERS.verify(2, postRequestedFor(urlPathEqualTo(smsPath())));
  }

  @Test
  void aProviderThatDoesNotAnswerInTimeIsATemporaryFailure() {
    useChannels("SMS");
    PROVIDERS.stubFor(
        post(urlPathEqualTo(smsPath()))
            .willReturn(aResponse().withStatus(201).withFixedDelay(3_000).withBody("{}")));
    var appointment = clinic.book(Clinics.at(4, 14), "Slow Provider", "+201001230005");
    var message =
        clinic
            .awaitMessages(
                appointment,
                m -> m.stream().anyMatch(x -> x.lastError() != null && x.attempts() >= 1))
            .getFirst();
    assertThat(message.lastError()).contains("Timed out");
  }

  @Test
  void aPermanentErrorFailsAtOnceAndStaffCanResendIt() {
    useChannels("SMS");
    smsAnswers(400, "{\"code\": 21211, \"message\": \"Invalid 'To' Phone Number\"}");
    var appointment = clinic.book(Clinics.at(4, 15), "Wrong Number", "+201001230006");
    var failed =
        clinic
            .awaitMessages(appointment, m -> has(m, MessageKind.APPOINTMENT_BOOKED, "FAILED"))
            .getFirst();
    assertThat(failed.lastError()).contains("HTTP 400").contains("21211");
    assertThat(failed.attempts()).isEqualTo(1);
    var list = clinic.desk.get("/api/v1/messages/failed");
    assertThat(list.body().path("items").findValuesAsString("id")).contains(failed.id().toString());

    PROVIDERS.resetRequests();
    smsAnswers(201, "{\"sid\": \"SMresent\"}");
    assertThat(clinic.desk.post("/api/v1/messages/" + failed.id() + "/resend", Map.of()).status())
        .isEqualTo(202);
    clinic.awaitMessages(appointment, m -> has(m, MessageKind.APPOINTMENT_BOOKED, "SENT"));
    assertThat(clinic.desk.post("/api/v1/messages/" + failed.id() + "/resend", Map.of()).status())
        .isEqualTo(409);
  }

  @Test
  void temporaryFailuresEndAsADeadLetterAfterTheLastAttempt() {
    useChannels("SMS");
    smsAnswers(500, "down");
    var appointment = clinic.book(Clinics.at(4, 16), "Dead Letter", "+201001230007");
    var failed =
        clinic
            .awaitMessages(appointment, m -> has(m, MessageKind.APPOINTMENT_BOOKED, "FAILED"))
            .getFirst();
    assertThat(failed.attempts()).isEqualTo(3);
    assertThat(failed.lastError()).contains("HTTP 500");
  }

  @Test
  void emailGoesOverSmtpWithOurMessageId() throws Exception {
    // the owner's e-mail confirmation, sent when the clinic above signed up
    var deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline
        && java.util.Arrays.stream(SMTP.getReceivedMessages())
            .noneMatch(m -> to(m).equals(clinic.owner.email()))) {
      Clinics.sleep(100);
    }
    var mail =
        java.util.Arrays.stream(SMTP.getReceivedMessages())
            .filter(m -> to(m).equals(clinic.owner.email()))
            .findFirst()
            .orElseThrow();
    assertThat(mail.getSubject()).contains("Confirm");
    var id = mail.getHeader("X-Carebook-Message-Id")[0];
    assertThat(
            clinic
                .database
                .sql("select provider || ':' || status from outbox_messages where id = ?::uuid")
                .param(id)
                .query(String.class)
                .single())
        .isEqualTo("smtp:SENT");
  }

  @Test
  void aPasswordResetOfNoOrganizationGoesOverSmtpToo() {
    var api = new io.carebook.Api(port);
    assertThat(api.post("/api/v1/password-resets", Map.of("email", clinic.owner.email())).status())
        .isEqualTo(202);
    var deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline
        && java.util.Arrays.stream(SMTP.getReceivedMessages())
            .noneMatch(m -> to(m).equals(clinic.owner.email()) && subject(m).contains("Reset"))) {
      Clinics.sleep(100);
    }
    assertThat(SMTP.getReceivedMessages())
        .anyMatch(m -> to(m).equals(clinic.owner.email()) && subject(m).contains("Reset"));
  }

  private static String subject(jakarta.mail.Message message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String to(jakarta.mail.Message message) {
    try {
      return message.getAllRecipients()[0].toString();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
