package io.carebook.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.TestOrganizations;
import io.carebook.conversations.bot.ConversationBot;
import io.carebook.notifications.FakeProviders;
import io.carebook.notifications.MessageChannel;
import io.carebook.notifications.PatientMessageReceived;
import io.carebook.tenancy.Plan;
import io.carebook.tenancy.TenantTransactions;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;

/**
 * The webhook's promises: forgeries refused, a message acted on once however often (and however
 * concurrently) it is delivered, and a conversation carried on by another instance after a restart,
 * from what the database holds.
 */
class WhatsAppDeliveryTests extends FakeProviders {

  @Autowired TestOrganizations organizations;
  @Autowired Environment environment;
  @Autowired TenantTransactions tenants;
  @Autowired ApplicationContext context;
  @LocalServerPort int port;
  ConversationClinic clinic;

  @BeforeEach
  void openClinic() {
    clinic = new ConversationClinic(organizations, port, environment, PROVIDERS, Plan.GROWTH);
  }

  @Test
  void aBadSignatureOrAnUnknownNumberIsRefused() {
    var phone = clinic.phone();
    var payload =
        phone.payload(
            Map.of(
                "messages",
                java.util.List.of(phone.message("text", Map.of("text", Map.of("body", "hi"))))));
    assertThat(phone.post(payload, "not-the-secret").statusCode()).isEqualTo(401);
    assertThat(
            phone
                .post(payload.replace(clinic.phoneNumberId, "999"), ConversationClinic.APP_SECRET)
                .statusCode())
        .isEqualTo(401);
    var unsigned =
        send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/v1/webhooks/whatsapp"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(payload)));
    assertThat(unsigned.statusCode()).isEqualTo(401);
    assertThat(unsigned.body()).contains("bad-signature");
    WhatsAppPhone.sleep(1500);
    assertThat(phone.count()).isZero();
    assertThat(
            clinic
                .database
                .sql("select count(*) from conversations where tenant_id = ?")
                .param(clinic.owner.tenant().value())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void theAppLevelVerificationEchoesTheChallengeOnlyToAKnownToken() {
    var ok =
        send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://localhost:"
                            + port
                            + "/api/v1/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=verify-"
                            + clinic.phoneNumberId
                            + "&hub.challenge=1158201444"))
                .GET());
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).isEqualTo("1158201444");
    var bad =
        send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://localhost:"
                            + port
                            + "/api/v1/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=guess"
                            + "&hub.challenge=1"))
                .GET());
    assertThat(bad.statusCode()).isEqualTo(403);
  }

  @Test
  void theSameMessageDeliveredThreeTimesIsAnsweredOnce() {
    var phone = clinic.phone();
    clinic.register("Thrice Delivered", phone);
    var message = phone.message("text", Map.of("text", Map.of("body", "Hello")));
    phone.deliver(message);
    phone.deliver(message);
    phone.deliver(message);
    phone.await("the first answer", m -> true);
    WhatsAppPhone.sleep(3000);
    assertThat(phone.count()).isEqualTo(1);
    assertThat(inbound(message.get("id"))).isEqualTo(1);
  }

  @Test
  void twoDeliveriesOfOneMessageAtOnceGetOneAnswer() throws Exception {
    var phone = clinic.phone();
    clinic.register("Raced Delivery", phone);
    var message = phone.message("text", Map.of("text", Map.of("body", "Hello")));
    var start = new CountDownLatch(1);
    try (var pool = Executors.newFixedThreadPool(2)) {
      var a =
          pool.submit(
              () -> {
                start.await();
                return phone.deliver(message);
              });
      var b =
          pool.submit(
              () -> {
                start.await();
                return phone.deliver(message);
              });
      start.countDown();
      a.get();
      b.get();
    }
    phone.await("the first answer", m -> true);
    WhatsAppPhone.sleep(3000);
    assertThat(phone.count()).isEqualTo(1);
    assertThat(inbound(message.get("id"))).isEqualTo(1);
  }

  @Test
  void anotherInstanceAfterARestartContinuesTheConversationFromTheDatabase() {
    var phone = clinic.phone();
    var patient = clinic.register("Restart Patient", phone);
    var menu = phone.menuIn(phone.awaitOrSend("Hello"), "en", "menu:");
    phone.tap(menu, "menu:book");
    phone.tap(phone.awaitOption("day:"), "day:");
    phone.tap(phone.awaitOption("time:"), "time:");
    phone.awaitOption("yes");
    assertThat(
            clinic
                .database
                .sql("select step->>'stage' from conversations where tenant_id = ? and phone = ?")
                .params(clinic.owner.tenant().value(), phone.number)
                .query(String.class)
                .single())
        .isEqualTo("CONFIRM");

    // a bot that shares nothing with the one that asked: a new instance, as after a restart
    var restarted = context.getAutowireCapableBeanFactory().createBean(ConversationBot.class);
    tenants.inClinic(
        clinic.owner.tenant(),
        clinic.owner.clinic(),
        () ->
            restarted.handle(
                new PatientMessageReceived(
                    clinic.owner.tenant(),
                    clinic.owner.clinic(),
                    MessageChannel.WHATSAPP,
                    phone.number,
                    "Yes",
                    "yes",
                    "wamid.restart" + UUID.randomUUID(),
                    Instant.now())));
    phone.awaitText("Done");
    assertThat(clinic.appointments(patient)).hasSize(1);
  }

  private long inbound(Object providerMessageId) {
    return clinic
        .database
        .sql(
            "select count(*) from conversation_messages where tenant_id = ?"
                + " and provider_message_id = ? and direction = 'IN'")
        .params(clinic.owner.tenant().value(), providerMessageId)
        .query(Long.class)
        .single();
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return WhatsAppPhone.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
