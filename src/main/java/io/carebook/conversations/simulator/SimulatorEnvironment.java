package io.carebook.conversations.simulator;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With the simulator on, points the WhatsApp Cloud API's base address at the fake inside the app
 * ({@code {carebook.base-url}/dev/whatsapp/graph}), unless the address is set explicitly. Added
 * last, so any configured value still wins; with the simulator off nothing changes.
 */
class SimulatorEnvironment implements EnvironmentPostProcessor {

  static final String BASE_URL = "carebook.notifications.whatsapp.base-url";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (!SimulatorSwitch.on(environment)) {
      return;
    }
    var self =
        environment.getProperty(
            "carebook.base-url",
            "http://localhost:" + environment.getProperty("server.port", "8080"));
    environment
        .getPropertySources()
        .addLast(
            new MapPropertySource(
                "carebookWhatsAppSimulator", Map.of(BASE_URL, self + CloudApiFake.PATH)));
  }
}
