package io.carebook.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.CarebookModuleTest;
import io.carebook.identity.SignUp;
import io.carebook.identity.SignUpForm;
import io.carebook.shared.ClinicId;
import io.carebook.tenancy.ActorType;
import io.carebook.tenancy.SubscriptionEvents.TrialEndingSoon;
import io.carebook.tenancy.TenantContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notifications with the modules whose events it receives, without reports: tenancy's {@link
 * TrialEndingSoon} becomes a message to the clinic's owner in the outbox.
 */
@CarebookModuleTest(BootstrapMode.DIRECT_DEPENDENCIES)
class NotificationsModuleTests {

  @Autowired SignUp signUp;
  @Autowired Outbox outbox;
  @Autowired PlatformTransactionManager transactionManager;

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
    var scope =
        new TenantContext.Scope(opened.tenantId(), opened.clinicId(), null, ActorType.SYSTEM);

    scenario
        .publish(
            new TrialEndingSoon(
                opened.tenantId(), opened.clinicId(), Instant.now().plus(Duration.ofDays(3))))
        .andWaitForStateChange(
            () -> kinds(scope, opened.clinicId()),
            kinds -> kinds.contains(MessageKind.TRIAL_ENDING))
        .andVerify(kinds -> assertThat(kinds).contains(MessageKind.TRIAL_ENDING));
  }

  private List<MessageKind> kinds(TenantContext.Scope scope, ClinicId clinic) {
    var transactions = new TransactionTemplate(transactionManager);
    return TenantContext.call(
        scope,
        () ->
            transactions.execute(
                status -> outbox.recent(clinic, 20).stream().map(OutboxMessage::kind).toList()));
  }
}
