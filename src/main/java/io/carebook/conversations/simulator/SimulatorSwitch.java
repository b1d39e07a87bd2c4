package io.carebook.conversations.simulator;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Whether the WhatsApp simulator is on: only with both {@code carebook.dev=true} (developer mode,
 * which production never has) and {@code carebook.dev.whatsapp-simulator=true}. Off, its pages and
 * its fake Cloud API answer 404.
 */
@Component
class SimulatorSwitch {

  static final String FLAG = "carebook.dev.whatsapp-simulator";

  private final boolean on;

  @Autowired
  SimulatorSwitch(Environment environment) {
    this(on(environment));
  }

  SimulatorSwitch(boolean on) {
    this.on = on;
  }

  static boolean on(Environment environment) {
    return environment.getProperty("carebook.dev", Boolean.class, false)
        && environment.getProperty(FLAG, Boolean.class, false);
  }

  boolean on() {
    return on;
  }
}
