package io.carebook.conversations.simulator.demo;

import io.carebook.conversations.simulator.WhatsAppSimulator;
import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.tenancy.demo.ConditionalOnDemo;
import io.carebook.tenancy.demo.DemoOrganization;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once the app is ready (after the demo is loaded, on the first start or any later one), connects
 * the demo clinics to the WhatsApp simulator when it is on, each with an invented phone number id.
 * Not a demo loader: it runs at every start, so a demo database made before the simulator was
 * switched on gets its phones too.
 */
@Component
@ConditionalOnDemo
class DemoPhones {

  private static final Logger log = LoggerFactory.getLogger(DemoPhones.class);

  record Phone(TenantId tenant, ClinicId clinic, String phoneNumberId) {}

  static final List<Phone> PHONES =
      List.of(
          new Phone(DemoOrganization.NILE, DemoOrganization.NILE_DOKKI, "109900000000001"),
          new Phone(DemoOrganization.NILE, DemoOrganization.NILE_HELIOPOLIS, "109900000000002"),
          new Phone(DemoOrganization.ZAMALEK, DemoOrganization.ZAMALEK_EYE, "109900000000003"),
          new Phone(DemoOrganization.SOL, DemoOrganization.SOL_ROMA, "109900000000004"));

  private final WhatsAppSimulator simulator;

  DemoPhones(WhatsAppSimulator simulator) {
    this.simulator = simulator;
  }

  @EventListener(ApplicationReadyEvent.class)
  void connectDemoClinics() {
    if (!simulator.on()) {
      return;
    }
    var connected =
        PHONES.stream()
            .filter(p -> simulator.connect(p.tenant(), p.clinic(), p.phoneNumberId()))
            .count();
    log.info("WhatsApp simulator: {} demo clinics' phones at /dev/whatsapp", connected);
  }
}
