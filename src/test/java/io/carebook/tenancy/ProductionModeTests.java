package io.carebook.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.CarebookApplication;
import io.carebook.CarebookTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.core.env.Environment;

/**
 * An instance started as production starts it (a database URL, no {@code carebook.dev}): no dev
 * pages, no OpenAPI document or Swagger UI, and Prometheus metrics only for the scraper's token.
 */
@CarebookTest
class ProductionModeTests {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Autowired Environment environment;

  @Test
  void prometheusAndSwaggerAreOffInProduction() throws Exception {
    try (var production =
        new SpringApplicationBuilder(CarebookApplication.class)
            .properties(
                "server.port=0",
                "spring.main.banner-mode=off",
                "spring.datasource.url=" + setting("spring.datasource.url"),
                "spring.datasource.username=" + setting("spring.datasource.username"),
                "spring.datasource.password=" + setting("spring.datasource.password"),
                "spring.flyway.user=" + setting("spring.flyway.user"),
                "spring.flyway.password=" + setting("spring.flyway.password"),
                "carebook.master-key=" + setting("carebook.master-key"),
                // set explicitly, and still off: only carebook.dev turns dev pages on
                "carebook.dev.outbox-page=true",
                "carebook.prometheus.token=scraper-token-for-tests",
                "spring.modulith.events.republish-outstanding-events-on-restart=false")
            .run()) {
      var port = ((WebServerApplicationContext) production).getWebServer().getPort();
      assertThat(status(port, "/actuator/health", null)).isEqualTo(200);
      assertThat(status(port, "/v3/api-docs", null)).isEqualTo(404);
      assertThat(status(port, "/swagger-ui.html", null)).isEqualTo(404);
      assertThat(status(port, "/swagger-ui/index.html", null)).isEqualTo(404);
      assertThat(status(port, "/dev/outbox", null)).isEqualTo(404);
      assertThat(status(port, "/dev/authenticator", null)).isEqualTo(404);
      assertThat(status(port, "/actuator/prometheus", null)).isEqualTo(401);
      assertThat(status(port, "/actuator/prometheus", "Bearer wrong-token")).isEqualTo(401);
      assertThat(status(port, "/actuator/prometheus", "Bearer scraper-token-for-tests"))
          .isEqualTo(200);
    }
  }

  private String setting(String name) {
    return environment.getRequiredProperty(name);
  }

  private static int status(int port, String path, String authorization) throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
