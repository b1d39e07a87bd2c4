package io.carebook.tenancy.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carebook.CarebookApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

/**
 * Production is the default: the built-in database, demo accounts and dev pages need {@code
 * carebook.dev=true}. (The running instance's side, in production mode: ProductionModeTests.)
 */
class DevelopmentModeTests {

  @Test
  void startingWithoutDatabaseUrlOrDevSwitchRefuses() {
    assertThatThrownBy(
            () ->
                new SpringApplicationBuilder(CarebookApplication.class)
                    .properties("server.port=0", "spring.main.banner-mode=off")
                    .run())
        .hasStackTraceContaining("No database is configured and developer mode is off")
        .hasStackTraceContaining("carebook.dev=true");
  }

  @Test
  void theEnvironmentRefusesBeforeAnyDatabaseStarts() {
    var environment = new MockEnvironment();
    assertThatThrownBy(
            () ->
                new EmbeddedDatabaseEnvironment()
                    .postProcessEnvironment(environment, new SpringApplication()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(DevelopmentMode.REFUSAL);
  }

  @Test
  void productionTurnsDevPagesAndDemoOffWhateverElseIsSet() {
    var environment =
        new MockEnvironment()
            .withProperty("spring.datasource.url", "jdbc:postgresql://db.example/carebook")
            .withProperty("carebook.dev.outbox-page", "true")
            .withProperty("carebook.demo", "auto");
    new EmbeddedDatabaseEnvironment().postProcessEnvironment(environment, new SpringApplication());
    assertThat(environment.getProperty("carebook.dev.outbox-page")).isEqualTo("false");
    assertThat(environment.getProperty("carebook.demo")).isEqualTo("false");
    assertThat(environment.getProperty("management.endpoints.web.exposure.include"))
        .isEqualTo("health,info");
    assertThat(environment.getProperty("springdoc.api-docs.enabled")).isEqualTo("false");
    assertThat(environment.getProperty("springdoc.swagger-ui.enabled")).isEqualTo("false");
  }

  @Test
  void developerModeKeepsDevPagesAndOpensMetricsAndApiDocs() {
    var environment =
        new MockEnvironment()
            .withProperty("carebook.dev", "true")
            .withProperty("spring.datasource.url", "jdbc:postgresql://localhost/carebook")
            .withProperty("carebook.dev.outbox-page", "true");
    new EmbeddedDatabaseEnvironment().postProcessEnvironment(environment, new SpringApplication());
    assertThat(environment.getProperty("carebook.dev.outbox-page")).isEqualTo("true");
    assertThat(environment.getProperty("management.endpoints.web.exposure.include"))
        .contains("prometheus");
    assertThat(environment.getProperty("springdoc.api-docs.enabled")).isEqualTo("true");
  }

  @Test
  void aheadOfTimeBeansAreRefusedWhereTheSettingsWouldChooseOtherBeans() {
    var production =
        new MockEnvironment()
            .withProperty("spring.datasource.url", "jdbc:postgresql://db.example/carebook");
    assertThat(DevelopmentMode.aheadOfTimeMismatch(production))
        .contains("developer mode is off (carebook.dev)");
    var noDemo = new MockEnvironment().withProperty("carebook.dev", "true");
    assertThat(DevelopmentMode.aheadOfTimeMismatch(noDemo)).contains("carebook.demo is false");
    var smtp =
        new MockEnvironment()
            .withProperty("carebook.dev", "true")
            .withProperty("carebook.demo", "auto")
            .withProperty("spring.mail.host", "smtp.example");
    assertThat(DevelopmentMode.aheadOfTimeMismatch(smtp)).contains("spring.mail.host is set");
    assertThat(DevelopmentMode.aheadOfTimeRefusal("carebook.demo is false"))
        .contains("carebook.demo is false")
        .contains("CAREBOOK_SPRING_AOT=false");
  }

  @Test
  void aheadOfTimeBeansFitDeveloperModeWithTheDemoAllowed() {
    for (var demo : new String[] {"auto", "true"}) {
      var environment =
          new MockEnvironment()
              .withProperty("carebook.dev", "true")
              .withProperty("carebook.demo", demo);
      assertThat(DevelopmentMode.aheadOfTimeMismatch(environment)).isEmpty();
    }
  }
}
