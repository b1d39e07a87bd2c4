package io.carebook;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.TestPropertySource;

/**
 * A test of one module (the test class's package) and, per {@link #value()}, the modules it needs,
 * on the same embedded PostgreSQL as {@link CarebookTest} (connected as the application role,
 * row-level security on) and with its properties. Each distinct module and mode is a Spring context
 * of its own (some 30-90 s), so a module has at most one such test class, for the events it
 * publishes or receives, with Modulith's {@code Scenario}.
 *
 * <p>Notifications has one. The modules below it cannot boot without modules above them yet:
 * tenancy's {@code Permissions} and audit's {@code ActorDirectory} are implemented in identity, and
 * identity's and billing's contexts ask for notifications' {@code JobsConfiguration} (the
 * db-scheduler); and the root package's test fixture {@code TestOrganizations}, scanned into every
 * module context, needs notifications' {@code Outbox}. Until those move, their events are proven
 * with {@code Scenario} in the shared context ({@code @CarebookTest @EnableScenarios}, the {@code
 * *EventsTests}), which costs no context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApplicationModuleTest
@TestPropertySource(
    properties = {
      "carebook.dev=true",
      "carebook.embedded-database.directory=temporary",
      "carebook.embedded-database.port=0",
      "carebook.demo=false",
      "carebook.trusted-proxies=127.0.0.1, ::1",
      "carebook.documents.directory=target/test-documents",
      "carebook.dev.outbox-page=true",
      "carebook.stripe.webhook-secret=whsec_test_carebook",
      "carebook.platform.operator-token=operator-test-token",
      // events the shared context left in flight are its own: a module context starting later
      // must not republish them
      "spring.modulith.events.republish-outstanding-events-on-restart=false"
    })
public @interface CarebookModuleTest {

  @AliasFor(annotation = ApplicationModuleTest.class, attribute = "mode")
  BootstrapMode value() default BootstrapMode.STANDALONE;

  /**
   * Modules to boot besides the tested one and its dependencies: {@code shared} always, as its web
   * helpers (rate limits, problem details, OpenAPI) are beans every module's edge uses, and
   * Modulith includes an open module's beans only when named.
   */
  @AliasFor(annotation = ApplicationModuleTest.class, attribute = "extraIncludes")
  String[] extraIncludes() default {"shared"};
}
