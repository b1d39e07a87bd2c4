package io.carebook.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ServletException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * A request that waits in vain for a database connection answers 503 with Retry-After, not 500; any
 * other failure passes on untouched.
 */
class OverloadedTests {

  private static final CannotCreateTransactionException POOL_TIMEOUT =
      new CannotCreateTransactionException(
          "Could not open JDBC Connection for transaction",
          new SQLTransientConnectionException(
              "HikariPool-1 - Connection is not available, request timed out after 30000ms."));

  @Test
  void noConnectionAtTheEdgeAnswers503WithRetryAfter() throws Exception {
    var response = new MockHttpServletResponse();
    new Overloaded()
        .doFilter(
            new MockHttpServletRequest("GET", "/api/v1/availability"),
            response,
            (request, ignored) -> {
              throw new ServletException("Request processing failed", POOL_TIMEOUT);
            });
    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeader("Retry-After")).isEqualTo(Overloaded.RETRY_AFTER_SECONDS);
  }

  @Test
  void otherFailuresPassOnUntouched() {
    var response = new MockHttpServletResponse();
    assertThatThrownBy(
            () ->
                new Overloaded()
                    .doFilter(
                        new MockHttpServletRequest("GET", "/api/v1/availability"),
                        response,
                        (request, ignored) -> {
                          throw new IllegalStateException("a bug");
                        }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(response.getHeader("Retry-After")).isNull();
  }

  @Test
  void noConnectionInAControllerIsAnUnavailableProblem() {
    var answer = new ApiProblems().unexpected(POOL_TIMEOUT);
    assertThat(answer.getStatusCode().value()).isEqualTo(503);
    assertThat(answer.getHeaders().getFirst("Retry-After"))
        .isEqualTo(Overloaded.RETRY_AFTER_SECONDS);
    assertThat(answer.getBody().getType().toString()).endsWith("/problems/unavailable");
    assertThat(answer.getBody().getDetail()).contains("nothing was saved");

    var direct = new ApiProblems().unavailable(POOL_TIMEOUT);
    assertThat(direct.getStatusCode().value()).isEqualTo(503);
  }
}
