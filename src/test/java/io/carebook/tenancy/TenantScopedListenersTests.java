package io.carebook.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.CarebookTest;
import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.tenancy.ListenerTenantProbe.Probed;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

/**
 * A plain {@code @ApplicationModuleListener} of a {@code TenantScoped} event begins its transaction
 * inside the event's tenant and clinic, as the system: {@link TenantScopedListeners} binds the
 * scope before the transaction interceptor runs. Shared context, no extra Spring context.
 */
@CarebookTest
@EnableScenarios
class TenantScopedListenersTests {

  @Autowired Organizations organizations;
  @Autowired TenantTransactions tenants;
  @Autowired ListenerTenantProbe probe;

  @Test
  void aModuleListenersTransactionSeesItsEventsTenantClinicAndRows(Scenario scenario) {
    var tenant = TenantId.random();
    var clinic = ClinicId.random();
    var spec =
        new NewClinic("Listener Clinic", ZoneId.of("Africa/Cairo"), Locale.ENGLISH, "EGP", "EG");
    tenants.inClinic(
        tenant, clinic, () -> organizations.open(tenant, "Listener Org", clinic, spec));
    var marker = UUID.randomUUID();

    scenario
        .publish(new Probed(tenant, clinic, marker))
        .andWaitForStateChange(() -> probe.seen(marker), Objects::nonNull)
        .andVerify(
            seen -> {
              assertThat(seen.tenant()).isEqualTo(tenant.toString());
              assertThat(seen.clinic()).isEqualTo(clinic.toString());
              assertThat(seen.actor()).isEqualTo(ActorType.SYSTEM.name());
              assertThat(seen.clinics()).containsExactly(clinic.value());
            });
  }

  @Test
  void onlyModuleListenersOfTenantScopedEventsAreAdvised() throws Exception {
    assertThat(
            TenantScopedListeners.listensToTenantScoped(
                ListenerTenantProbe.class.getDeclaredMethod("on", Probed.class)))
        .isTrue();
    assertThat(
            TenantScopedListeners.listensToTenantScoped(
                ListenerTenantProbe.class.getDeclaredMethod("seen", UUID.class)))
        .isFalse();
  }
}
