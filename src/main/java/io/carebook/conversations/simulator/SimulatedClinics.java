package io.carebook.conversations.simulator;

import io.carebook.notifications.NotificationSettings;
import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.TenantTransactions;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The clinics the phone can talk to, by their WhatsApp phone number id: the demo clinics wired at
 * start ({@link WhatsAppSimulator#connect}) and any clinic with WhatsApp settings opened on the
 * phone page.
 */
@Component
class SimulatedClinics {

  private final Map<String, SimulatedClinic> byPhoneNumberId = new ConcurrentHashMap<>();
  private final TenantTransactions tenants;
  private final Organizations organizations;
  private final NotificationSettings settings;

  SimulatedClinics(
      TenantTransactions tenants, Organizations organizations, NotificationSettings settings) {
    this.tenants = tenants;
    this.organizations = organizations;
    this.settings = settings;
  }

  void register(SimulatedClinic clinic) {
    byPhoneNumberId.put(clinic.phoneNumberId(), clinic);
  }

  Optional<SimulatedClinic> byPhoneNumberId(String phoneNumberId) {
    return Optional.ofNullable(byPhoneNumberId.get(phoneNumberId));
  }

  List<SimulatedClinic> all() {
    return byPhoneNumberId.values().stream()
        .sorted(Comparator.comparing(SimulatedClinic::name))
        .toList();
  }

  /**
   * The clinic, registered now if it has a WhatsApp number; empty when there is no such clinic in
   * that organization or it has no WhatsApp settings.
   */
  Optional<SimulatedClinic> open(@Nullable TenantId tenant, ClinicId clinic) {
    var known =
        byPhoneNumberId.values().stream().filter(c -> c.clinic().equals(clinic)).findFirst();
    if (known.isPresent() || tenant == null) {
      return known;
    }
    var found =
        tenants.inClinic(
            tenant,
            clinic,
            () ->
                organizations
                    .find(clinic)
                    .flatMap(
                        c ->
                            Optional.ofNullable(settings.of(clinic).whatsappPhoneNumberId())
                                .map(id -> new SimulatedClinic(tenant, clinic, c.name(), id))));
    found.ifPresent(this::register);
    return found;
  }

  /** The clinic's WhatsApp app secret and access token, read in its own organization. */
  Secrets secretsOf(SimulatedClinic clinic) {
    return tenants.inClinic(
        clinic.tenant(),
        clinic.clinic(),
        () -> {
          var s = settings.of(clinic.clinic());
          return new Secrets(s.whatsappAppSecret(), s.whatsappAccessToken());
        });
  }

  record Secrets(@Nullable String appSecret, @Nullable String accessToken) {}
}
