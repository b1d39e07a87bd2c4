package io.carebook.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/** The headers of a deprecated operation, without Spring's context. */
class DeprecationHeadersTests {

  static class Handlers {
    @ApiDeprecated(
        since = "2026-12-07",
        sunset = "2027-06-07",
        successor = "GET /api/v1/things/{id}/parts")
    public void old() {}

    public void current() {}
  }

  @Test
  void aDeprecatedOperationAnswersDeprecationSunsetAndItsSuccessor() throws Exception {
    var request = new MockHttpServletRequest("GET", "/api/v1/things/42/pieces");
    request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of("id", "42"));
    var response = new MockHttpServletResponse();
    new DeprecationHeaders().preHandle(request, response, new HandlerMethod(new Handlers(), "old"));
    assertThat(response.getHeader("Deprecation")).isEqualTo("@1796601600");
    assertThat(response.getHeader("Sunset")).isEqualTo("Mon, 07 Jun 2027 00:00:00 GMT");
    assertThat(response.getHeader("Link"))
        .isEqualTo("</api/v1/things/42/parts>; rel=\"successor-version\"");
  }

  @Test
  void anOperationInUseAnswersNone() throws Exception {
    var response = new MockHttpServletResponse();
    new DeprecationHeaders()
        .preHandle(
            new MockHttpServletRequest("GET", "/api/v1/things"),
            response,
            new HandlerMethod(new Handlers(), "current"));
    assertThat(response.getHeaderNames()).isEmpty();
  }
}
