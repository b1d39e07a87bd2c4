package io.carebook.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carebook.shared.ProblemException;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * In production an endpoint must be a public https address (no SSRF into Carebook's own network);
 * in developer mode, as in the tests, a receiver on localhost is allowed.
 */
class EndpointAddressesTests {

  private final EndpointAddresses production = new EndpointAddresses(false);
  private final EndpointAddresses development = new EndpointAddresses(true);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://127.0.0.1/hooks",
        "https://localhost/hooks",
        "https://10.1.2.3/hooks",
        "https://172.16.0.9/hooks",
        "https://192.168.1.20:8443/hooks",
        "https://169.254.169.254/latest/meta-data",
        "https://100.64.0.1/hooks",
        "https://0.0.0.0/hooks",
        "https://[::1]/hooks",
        "https://[fd00::1]/hooks",
        "https://[fe80::1]/hooks",
        "https://[::ffff:127.0.0.1]/hooks"
      })
  void aPrivateLoopbackOrLinkLocalAddressIsRefusedWithAFieldProblem(String url) {
    assertThatThrownBy(() -> production.check(url))
        .isInstanceOfSatisfying(
            ProblemException.class,
            problem -> {
              assertThat(problem.status().value()).isEqualTo(400);
              assertThat(problem.kind()).isEqualTo("invalid-input");
              assertThat(problem.errors())
                  .singleElement()
                  .satisfies(error -> assertThat(error.field()).isEqualTo("url"));
            });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://93.184.215.14/hooks",
        "ftp://93.184.215.14/hooks",
        "https://user:pass@93.184.215.14/hooks",
        "https:///nohost",
        "not a url",
        "https://93.184.215.14/hooks#part"
      })
  void onlyPlainHttpsAddressesAreTaken(String url) {
    assertThatThrownBy(() -> production.check(url))
        .isInstanceOfSatisfying(
            ProblemException.class,
            problem -> assertThat(problem.errors().getFirst().field()).isEqualTo("url"));
  }

  @Test
  void aPublicHttpsAddressIsTaken() {
    assertThat(production.check("https://93.184.215.14/carebook/events"))
        .isEqualTo(URI.create("https://93.184.215.14/carebook/events"));
    assertThat(production.sendable(URI.create("https://93.184.215.14/x"))).isTrue();
    assertThat(production.sendable(URI.create("https://127.0.0.1/x"))).isFalse();
  }

  @Test
  void developerModeAllowsAReceiverOnLocalhost() {
    assertThat(development.check("http://localhost:8089/hooks"))
        .isEqualTo(URI.create("http://localhost:8089/hooks"));
    assertThatThrownBy(() -> development.check("ftp://localhost/hooks"))
        .isInstanceOf(ProblemException.class);
  }
}
