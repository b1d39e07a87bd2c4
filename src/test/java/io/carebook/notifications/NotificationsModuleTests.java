package io.carebook.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.CarebookModuleTest;
import io.carebook.identity.SignUp;
import io.carebook.identity.SignUpForm;
import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.tenancy.SubscriptionEvents.TrialEndingSoon;
import io.carebook.tenancy.TenantTransactions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

/**
 * Notifications with the modules whose events it receives, without reports: tenancy's {@link
 * TrialEndingSoon} becomes a message to the clinic's owner in the outbox.
 */
@CarebookModuleTest(BootstrapMode.DIRECT_DEPENDENCIES)
class NotificationsModuleTests {

  @Autowired SignUp signUp;
  @Autowired Outbox outbox;
  @Autowired TenantTransactions tenants;

  @Test
  void aTrialEndingSoonIsToldToTheOwner(Scenario scenario) {
    var opened =
        signUp.open(
            new SignUpForm(
                "Module Org",
                "Module Clinic",
                "Amal Module",
                "module-" + UUID.randomUUID() + "@example.test",
                "a long passphrase for module tests",
                "EG",
                null,
                null,
                "en",
                true));
    scenario
        .publish(
            new TrialEndingSoon(
                opened.tenantId(), opened.clinicId(), Instant.now().plus(Duration.ofDays(3))))
        .andWaitForStateChange(
            () -> kinds(opened.tenantId(), opened.clinicId()),
            kinds -> kinds.contains(MessageKind.TRIAL_ENDING))
        .andVerify(kinds -> assertThat(kinds).contains(MessageKind.TRIAL_ENDING));
  }

  private List<MessageKind> kinds(TenantId tenant, ClinicId clinic) {
    return tenants.inClinic(
        tenant, clinic, () -> outbox.recent(clinic, 20).stream().map(OutboxMessage::kind).toList());
  }
}
