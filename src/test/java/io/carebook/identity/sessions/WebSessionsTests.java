package io.carebook.identity.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.CarebookApplication;
import io.carebook.CarebookTest;
import io.carebook.TestOrganizations;
import io.carebook.WebSession;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Web sessions live in PostgreSQL: any instance serves them, and their owner can end them. */
@CarebookTest
class WebSessionsTests {

  @Autowired TestOrganizations organizations;
  @LocalServerPort int port;

  @Test
  void aSessionStartedOnOneInstanceWorksOnAnother() {
    var owner = organizations.signUp(new Api(port));
    var browser =
        WebSession.signIn(port, owner.email(), TestOrganizations.PASSWORD, owner.app().nextCode());
    assertThat(browser.get("/patients").body()).contains("patient-search");
    try (var second =
        new SpringApplicationBuilder(CarebookApplication.class)
            .properties(
                "server.port=0",
                "carebook.dev=true",
                "carebook.embedded-database.directory=temporary",
                "carebook.demo=false",
                "spring.main.banner-mode=off")
            .run()) {
      var otherPort = ((WebServerApplicationContext) second).getWebServer().getPort();
      assertThat(otherPort).isNotEqualTo(port);
      var page = browser.at(otherPort).get("/patients");
      assertThat(page.uri().getPath()).isEqualTo("/patients");
      assertThat(page.body()).contains("patient-search");
    }
  }

  @Test
  void signingOutEverywhereEndsEverySessionAndEveryAppSignIn() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var laptop =
        WebSession.signIn(port, owner.email(), TestOrganizations.PASSWORD, owner.app().nextCode());
    var phone =
        WebSession.signIn(port, owner.email(), TestOrganizations.PASSWORD, owner.app().nextCode());
    var refresh =
        api.post(
                "/api/v1/tokens",
                Map.of(
                    "email",
                    owner.email(),
                    "password",
                    TestOrganizations.PASSWORD,
                    "code",
                    owner.app().nextCode()))
            .text("refreshToken");

    var list = laptop.get("/account/sessions").body();
    assertThat(list.split("list-group-item", -1)).hasSize(3);

    laptop.post("/account/sessions", "/account/sessions/sign-out-everywhere", "");
    assertThat(phone.get("/patients").uri().getPath()).isEqualTo("/signin");
    assertThat(laptop.get("/patients").uri().getPath()).isEqualTo("/signin");
    assertThat(api.post("/api/v1/tokens/refresh", Map.of("refreshToken", refresh)).status())
        .isEqualTo(401);
  }

  @Test
  void aSessionEndsEightHoursAfterItBeganHoweverBusy() throws Exception {
    var nineHoursLater = Clock.offset(Clock.systemUTC(), Duration.ofHours(9));
    var request = new MockHttpServletRequest("GET", "/patients");
    request.getSession(true);
    var response = new MockHttpServletResponse();
    new AbsoluteSessionTimeout(nineHoursLater).doFilter(request, response, new MockFilterChain());
    assertThat(response.getRedirectedUrl()).isEqualTo("/signin?expired");

    var fresh = new MockHttpServletRequest("GET", "/patients");
    fresh.getSession(true);
    var passed = new MockHttpServletResponse();
    new AbsoluteSessionTimeout(Clock.systemUTC()).doFilter(fresh, passed, new MockFilterChain());
    assertThat(passed.getRedirectedUrl()).isNull();
  }
}
