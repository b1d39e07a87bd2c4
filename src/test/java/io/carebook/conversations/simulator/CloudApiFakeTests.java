package io.carebook.conversations.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The fake Cloud API (the test application runs with the simulator on) answers the real payload
 * shapes as Meta does, keeps them for the phone, refuses what Meta refuses, and posts signed
 * delivery statuses back to the clinic's webhook.
 */
@CarebookTest
class CloudApiFakeTests {

  @Autowired TestOrganizations organizations;
  @Autowired SimulatedClinics clinics;
  @Autowired Chats chats;
  @LocalServerPort int port;

  @Test
  void itAnswersEachShapeAsTheCloudApiDoesAndKeepsItForThePhone() {
    var whatsapp = new SimulatedWhatsApp(organizations, port);
    var to = "201001112233";

    var text = whatsapp.send(SimulatedWhatsApp.text(to, "Hello"));
    var list = whatsapp.send(SimulatedWhatsApp.list(to));
    var buttons = whatsapp.send(SimulatedWhatsApp.buttons(to));
    var template = whatsapp.send(SimulatedWhatsApp.template(to));

    assertThat(text.status()).as(text.body().toString()).isEqualTo(200);
    assertThat(text.body().path("messaging_product").asString()).isEqualTo("whatsapp");
    assertThat(text.body().path("contacts").path(0).path("wa_id").asString()).isEqualTo(to);
    assertThat(text.body().path("messages").path(0).path("id").asString()).startsWith("wamid.");
    assertThat(list.status()).isEqualTo(200);
    assertThat(buttons.status()).isEqualTo(200);
    assertThat(template.body().path("messages").path(0).path("message_status").asString())
        .isEqualTo("accepted");
    assertThat(chats.of(Chats.Key.of(whatsapp.phoneNumberId, to)))
        .extracting(ChatLine::kind)
        .containsExactly(
            ChatLine.Kind.TEXT, ChatLine.Kind.LIST, ChatLine.Kind.BUTTONS, ChatLine.Kind.TEMPLATE);
  }

  @Test
  void withoutTheTokenOrWithABadShapeItAnswersWithMetasErrors() {
    var whatsapp = new SimulatedWhatsApp(organizations, port);
    clinics.open(whatsapp.owner.tenant(), whatsapp.owner.clinic());

    var noToken = whatsapp.send(SimulatedWhatsApp.text("201001112233", "Hi"), null);
    var wrongToken = whatsapp.send(SimulatedWhatsApp.text("201001112233", "Hi"), "stolen");
    var noBody =
        whatsapp.send(
            "{\"messaging_product\": \"whatsapp\", \"to\": \"201001112233\", \"type\": \"text\"}");
    var notJson = whatsapp.send("<xml/>");

    assertThat(noToken.status()).isEqualTo(401);
    assertThat(noToken.body().path("error").path("code").asInt()).isEqualTo(190);
    assertThat(wrongToken.status()).isEqualTo(401);
    assertThat(noBody.status()).isEqualTo(400);
    assertThat(noBody.body().path("error").path("code").asInt()).isEqualTo(100);
    assertThat(noBody.body().path("error").path("message").asString()).contains("text.body");
    assertThat(notJson.status()).isEqualTo(400);
  }

  @Test
  void theClinicsWebhookTakesTheSignedDeliveryStatuses() throws InterruptedException {
    var whatsapp = new SimulatedWhatsApp(organizations, port);
    assertThat(clinics.open(whatsapp.owner.tenant(), whatsapp.owner.clinic())).isPresent();

    var sent = whatsapp.send(SimulatedWhatsApp.text("201001112244", "Your visit is tomorrow"));
    var id = sent.body().path("messages").path(0).path("id").asString();

    var deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    Optional<ChatLine> line = Optional.empty();
    while (System.nanoTime() < deadline) {
      line =
          chats.of(Chats.Key.of(whatsapp.phoneNumberId, "201001112244")).stream()
              .filter(l -> l.id().equals(id) && !l.state().equals("sent"))
              .findFirst();
      if (line.isPresent()) {
        break;
      }
      Thread.sleep(100);
    }
    assertThat(line).map(ChatLine::state).contains("delivered");
  }
}
