package io.carebook.conversations.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carebook.shared.NotFoundException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.ui.ExtendedModelMap;

/**
 * The simulator is on only in developer mode with its own flag: otherwise its fake Cloud API and
 * its phone page answer 404 (NotFoundException, which the app answers 404) and the WhatsApp base
 * address is left alone.
 */
class SimulatorSwitchTests {

  @Test
  void itIsOnOnlyInDeveloperModeUnlessSwitchedOff() {
    assertThat(SimulatorSwitch.on(environment(null, null))).isFalse();
    assertThat(SimulatorSwitch.on(environment("true", null))).isTrue();
    assertThat(SimulatorSwitch.on(environment("true", "false"))).isFalse();
    assertThat(SimulatorSwitch.on(environment(null, "true"))).isFalse();
    assertThat(SimulatorSwitch.on(environment("false", "true"))).isFalse();
    assertThat(SimulatorSwitch.on(environment("true", "true"))).isTrue();
  }

  @Test
  void offTheFakeCloudApiAndThePhonePageAreNotFound() {
    var off = new SimulatorSwitch(false);
    var fake = new CloudApiFake(off, new Chats(), null, null);
    var pages = new PhonePages(off, null, new Chats(), null, null);

    assertThatThrownBy(
            () ->
                fake.send(
                    "v21.0",
                    "1099",
                    "Bearer token",
                    "{\"messaging_product\":\"whatsapp\"}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> pages.phone(null, null, null, null, new ExtendedModelMap()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void onItPointsTheCloudApiAtItselfUnlessAnAddressIsSet() {
    var on = environment("true", "true");
    on.setProperty("carebook.base-url", "http://localhost:8080");
    new SimulatorEnvironment().postProcessEnvironment(on, new SpringApplication());
    assertThat(on.getProperty(SimulatorEnvironment.BASE_URL))
        .isEqualTo("http://localhost:8080/dev/whatsapp/graph");

    var configured = environment("true", "true");
    configured.setProperty(SimulatorEnvironment.BASE_URL, "https://graph.example");
    new SimulatorEnvironment().postProcessEnvironment(configured, new SpringApplication());
    assertThat(configured.getProperty(SimulatorEnvironment.BASE_URL))
        .isEqualTo("https://graph.example");

    var production = environment(null, "true");
    new SimulatorEnvironment().postProcessEnvironment(production, new SpringApplication());
    assertThat(production.getProperty(SimulatorEnvironment.BASE_URL)).isNull();
  }

  private static MockEnvironment environment(String dev, String flag) {
    var environment = new MockEnvironment();
    if (dev != null) {
      environment.setProperty("carebook.dev", dev);
    }
    if (flag != null) {
      environment.setProperty(SimulatorSwitch.FLAG, flag);
    }
    return environment;
  }
}
