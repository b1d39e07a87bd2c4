package io.carebook.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.CarebookTest;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Signing up publishes {@link EmailConfirmationRequested} for the new owner, from which
 * notifications sends the e-mail; the link travels sealed. Run in the shared context with
 * Modulith's {@code Scenario}: see {@link io.carebook.CarebookModuleTest} for why.
 */
@CarebookTest
@EnableScenarios
class IdentityEventsTests {

  @Autowired SignUp signUp;

  @Test
  void signingUpRequestsTheOwnersEmailConfirmation(Scenario scenario) {
    var form =
        new SignUpForm(
            "Module Org",
            "Module Clinic",
            "Amal Module",
            "module-" + UUID.randomUUID() + "@example.test",
            "a long passphrase for module tests",
            "EG",
            null,
            null,
            "ar",
            true);

    BiFunction<TransactionOperations, ApplicationEventPublisher, SignUp.Opened> signingUp =
        (transactions, events) -> signUp.open(form);

    scenario
        .stimulate(signingUp)
        .andWaitForEventOfType(EmailConfirmationRequested.class)
        .toArriveAndVerify(
            (requested, opened) -> {
              assertThat(requested.tenantId()).isEqualTo(opened.tenantId());
              assertThat(requested.userId()).isEqualTo(opened.ownerId());
              assertThat(requested.locale()).isEqualTo("ar");
            });
  }
}
