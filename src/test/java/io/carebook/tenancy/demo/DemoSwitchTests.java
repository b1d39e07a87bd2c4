package io.carebook.tenancy.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.CarebookTest;
import io.carebook.DemoBeans;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The demo's beans exist only when the demo is asked for: the shared test context runs with {@code
 * carebook.demo=false}, as production does, and has none of them.
 */
@CarebookTest
class DemoSwitchTests {

  @Autowired ApplicationContext context;

  @Test
  void aContextWithoutTheDemoHasNoDemoBeans() {
    assertThat(context.getBeanNamesForType(DemoDataLoader.class)).isEmpty();
    assertThat(context.getBeanNamesForType(DemoData.class)).isEmpty();
    assertThat(
            Arrays.stream(context.getBeanDefinitionNames())
                .map(context::getType)
                .filter(type -> type != null && type.getPackageName().endsWith(".demo")))
        .isEmpty();
  }

  @Test
  void withTheDemoSwitchedOnEveryModulesPartIsThere() {
    assertThat(DemoBeans.loaders(context))
        .extracting(loader -> loader.getClass().getPackageName())
        .containsExactly(
            "io.carebook.identity.demo",
            "io.carebook.webhooks.demo",
            "io.carebook.patients.demo",
            "io.carebook.scheduling.demo",
            "io.carebook.billing.demo",
            "io.carebook.frontdesk.demo",
            "io.carebook.notifications.demo",
            "io.carebook.conversations.demo",
            "io.carebook.clinical.demo",
            "io.carebook.billing.demo",
            "io.carebook.agents.demo", // issue 20: the clinics' FAQ
            "io.carebook.tenancy.demo");
  }
}
