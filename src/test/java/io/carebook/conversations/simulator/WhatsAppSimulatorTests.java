package io.carebook.conversations.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import io.carebook.shared.ClinicId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Connecting a clinic (as the demo's are at start) points its WhatsApp at the simulator and keeps
 * its other messaging settings; a clinic that does not exist is left alone.
 */
@CarebookTest
class WhatsAppSimulatorTests {

  @Autowired TestOrganizations organizations;
  @Autowired WhatsAppSimulator simulator;
  @Autowired SimulatedClinics clinics;
  @LocalServerPort int port;

  @Test
  void aConnectedClinicSendsItsWhatsAppToTheSimulatorAndKeepsItsOtherSettings() {
    var owner = organizations.signUp(new Api(port));
    var desk = new Api(port).as(owner.token());
    desk.put(
        "/api/v1/notification-settings",
        Map.of(
            "channels",
            List.of("SMS"),
            "reminderMinutes",
            List.of(1440),
            "sms",
            Map.of("accountSid", "AC1", "from", "+15005550006", "authToken", "kept")),
        Map.of());
    var phoneNumberId = String.valueOf(System.nanoTime());

    assertThat(simulator.connect(owner.tenant(), owner.clinic(), phoneNumberId)).isTrue();

    var shown = desk.get("/api/v1/notification-settings").body();
    assertThat(shown.path("channels").toString()).isEqualTo("[\"WHATSAPP\",\"SMS\"]");
    assertThat(shown.path("whatsapp").path("phoneNumberId").asString()).isEqualTo(phoneNumberId);
    assertThat(shown.path("sms").path("authTokenSet").asBoolean()).isTrue();
    assertThat(shown.path("reminderMinutes").toString()).isEqualTo("[1440]");
    assertThat(clinics.byPhoneNumberId(phoneNumberId)).isPresent();
  }

  @Test
  void aClinicThatDoesNotExistIsNotConnected() {
    var owner = organizations.signUp(new Api(port));

    assertThat(simulator.connect(owner.tenant(), ClinicId.of(UUID.randomUUID().toString()), "1"))
        .isFalse();
  }
}
