package io.carebook.conversations.simulator;

import io.carebook.notifications.ChannelSettings;
import io.carebook.notifications.NotificationSettings;
import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.TenantTransactions;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The simulator as the demo sees it: whether it is on, and connecting a clinic to it, so that the
 * clinic's WhatsApp goes to the simulated Cloud API and its patients can be played on the phone
 * page.
 */
@Component
public class WhatsAppSimulator {

  static final String ACCESS_TOKEN = "simulator-access-token";
  static final String APP_SECRET = "simulator-app-secret";
  static final String VERIFY_TOKEN = "simulator-verify-token";

  private final SimulatorSwitch simulator;
  private final SimulatedClinics clinics;
  private final NotificationSettings settings;
  private final Organizations organizations;
  private final TenantTransactions tenants;

  WhatsAppSimulator(
      SimulatorSwitch simulator,
      SimulatedClinics clinics,
      NotificationSettings settings,
      Organizations organizations,
      TenantTransactions tenants) {
    this.simulator = simulator;
    this.clinics = clinics;
    this.settings = settings;
    this.organizations = organizations;
    this.tenants = tenants;
  }

  /** Whether the simulator is on (developer mode and carebook.dev.whatsapp-simulator=true). */
  public boolean on() {
    return simulator.on();
  }

  /**
   * Points the clinic's WhatsApp at the simulator, with {@code phoneNumberId} and invented secrets,
   * WhatsApp first among its channels and its other messaging settings kept; does nothing with the
   * simulator off. Answers whether the clinic exists (and so is on the phone page now).
   */
  public boolean connect(TenantId tenant, ClinicId clinic, String phoneNumberId) {
    if (!simulator.on()) {
      return false;
    }
    var connected =
        tenants.inClinic(
            tenant,
            clinic,
            () ->
                organizations
                    .find(clinic)
                    .map(
                        found -> {
                          var current = settings.of(clinic);
                          if (!phoneNumberId.equals(current.whatsappPhoneNumberId())) {
                            settings.save(
                                clinic,
                                pointedAtSimulator(current, phoneNumberId),
                                Math.max(0, current.version()));
                          }
                          return new SimulatedClinic(tenant, clinic, found.name(), phoneNumberId);
                        }));
    connected.ifPresent(clinics::register);
    return connected.isPresent();
  }

  static ChannelSettings pointedAtSimulator(ChannelSettings current, String phoneNumberId) {
    var channels = new ArrayList<String>(List.of("WHATSAPP"));
    current.channels().stream().filter(c -> !c.equals("WHATSAPP")).forEach(channels::add);
    return new ChannelSettings(
        current.reminderMinutes(),
        current.quietFrom(),
        current.quietUntil(),
        channels,
        current.smsAccountSid(),
        current.smsFrom(),
        null,
        phoneNumberId,
        ACCESS_TOKEN,
        APP_SECRET,
        VERIFY_TOKEN,
        current.version());
  }
}
