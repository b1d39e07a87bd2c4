package io.carebook.tenancy.database;

import java.util.Map;
import java.util.Optional;
import org.springframework.core.env.Environment;

/**
 * Developer mode is an explicit switch, {@code carebook.dev=true} (the build sets it for {@code mvn
 * spring-boot:run}), never the consequence of a forgotten setting. Only in it: the built-in
 * database, the demo organizations and their accounts (a published password and authenticator
 * secret), the dev pages (/dev/outbox, /dev/authenticator), and — unless asked for — Prometheus
 * metrics and the OpenAPI document with Swagger UI.
 */
final class DevelopmentMode {

  static final String SWITCH = "carebook.dev";

  static final String REFUSAL =
      "No database is configured and developer mode is off, so Carebook will not start. In"
          + " production set spring.datasource.url (SPRING_DATASOURCE_URL, with"
          + " SPRING_DATASOURCE_USERNAME/PASSWORD for the application role and"
          + " SPRING_FLYWAY_USER/PASSWORD for the migration role). On a developer's machine set"
          + " carebook.dev=true (mvn spring-boot:run does): the built-in database, demo accounts"
          + " and dev pages.";

  private DevelopmentMode() {}

  /**
   * The build's ahead-of-time bean definitions ({@code process-aot}, used when the JVM runs with
   * {@code -Dspring.aot.enabled=true}, as {@code bin/run} starts) fix the set of beans as the build
   * computed it: developer mode with the demo allowed and no SMTP server (the settings in pom.xml's
   * {@code process-aot} execution). A start whose settings would choose other beans is refused,
   * rather than run with another mode's beans: the demo's in production, or no mail sender.
   *
   * @return what differs from the build's settings, empty when nothing does
   */
  static Optional<String> aheadOfTimeMismatch(Environment environment) {
    if (!on(environment)) {
      return Optional.of("developer mode is off (" + SWITCH + ")");
    }
    var demo = environment.getProperty("carebook.demo", "false");
    if (!demo.equals("auto") && !demo.equals("true")) {
      return Optional.of("carebook.demo is " + demo);
    }
    if (environment.containsProperty("spring.mail.host")) {
      return Optional.of("spring.mail.host is set");
    }
    return Optional.empty();
  }

  static String aheadOfTimeRefusal(String mismatch) {
    return "This start uses the build's ahead-of-time bean definitions (-Dspring.aot.enabled=true),"
        + " computed for developer mode with the demo allowed and no SMTP server, but "
        + mismatch
        + ". Start without -Dspring.aot.enabled=true (bin/run: CAREBOOK_SPRING_AOT=false).";
  }

  static boolean on(Environment environment) {
    return environment.getProperty(SWITCH, Boolean.class, false);
  }

  /**
   * Outside developer mode these win over any other setting: no dev page, no demo accounts. (The
   * outbox page's own setting stays what the pages read; it is derived from the switch here.)
   */
  static Map<String, Object> productionOverrides() {
    return Map.of("carebook.dev.outbox-page", "false", "carebook.demo", "false");
  }

  /**
   * Defaults an operator may still override: what the operations endpoints expose. Prometheus is
   * listed in production only with {@code carebook.prometheus.token} set (and then answers only
   * that bearer token, see shared.web.OperationsEndpoints); the OpenAPI document and Swagger UI
   * only with {@code carebook.api-docs.public=true}.
   */
  static Map<String, Object> operationsDefaults(Environment environment) {
    var dev = on(environment);
    var prometheus = dev || !environment.getProperty("carebook.prometheus.token", "").isBlank();
    var apiDocs = dev || environment.getProperty("carebook.api-docs.public", Boolean.class, false);
    return Map.of(
        "management.endpoints.web.exposure.include",
        prometheus ? "health,info,prometheus" : "health,info",
        "springdoc.api-docs.enabled",
        String.valueOf(apiDocs),
        "springdoc.swagger-ui.enabled",
        String.valueOf(apiDocs));
  }
}
