package io.carebook.conversations.simulator;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Whether the WhatsApp simulator is on: only in developer mode ({@code carebook.dev=true}, which
 * production never has), where it is on unless {@code carebook.dev.whatsapp-simulator=false}, so a
 * newcomer's first {@code mvn spring-boot:run} has a patient's phone to try the assistant with.
 * Off, its pages and its fake Cloud API answer 404.
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
        && environment.getProperty(FLAG, Boolean.class, true);
  }

  boolean on() {
    return on;
  }
}
