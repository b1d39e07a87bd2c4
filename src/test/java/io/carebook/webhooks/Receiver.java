package io.carebook.webhooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An integrator's receiver at the wire (WireMock on localhost, which developer mode lets an
 * endpoint point at): one path per test, answering as told, with what it received.
 */
final class Receiver {

  static final WireMockServer SERVER =
      new WireMockServer(WireMockConfiguration.options().dynamicPort());

  static {
    SERVER.start();
  }

  final String path = "/hooks/" + UUID.randomUUID();

  String url() {
    return SERVER.baseUrl() + path;
  }

  Receiver answering(int status) {
    SERVER.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(status)));
    return this;
  }

  /** Fails the first request with {@code first}, then answers 200. */
  Receiver failingOnceWith(int first) {
    var scenario = "fail-once-" + path;
    SERVER.stubFor(
        post(urlPathEqualTo(path))
            .inScenario(scenario)
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                aResponse().withStatus(first).withBody("{\"error\": \"down for a moment\"}"))
            .willSetStateTo("up"));
    SERVER.stubFor(
        post(urlPathEqualTo(path))
            .inScenario(scenario)
            .whenScenarioStateIs("up")
            .willReturn(aResponse().withStatus(200).withBody("ok")));
    return this;
  }

  List<LoggedRequest> received() {
    return SERVER.findAll(postRequestedFor(urlPathEqualTo(path)));
  }

  /** What was received once {@code until} holds (at most {@code wait}). */
  List<LoggedRequest> await(Duration wait, Predicate<List<LoggedRequest>> until) {
    var deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      var received = received();
      if (until.test(received) || System.nanoTime() > deadline) {
        return received;
      }
      pause(200);
    }
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The signature a receiver expects, computed here on its own (not with Carebook's code): base64
   * HMAC-SHA256, keyed with the bytes after {@code whsec_}, over id.timestamp.body.
   */
  static String expectedSignature(String secret, LoggedRequest request) throws Exception {
    var key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
    var mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    var content =
        request.getHeader("webhook-id")
            + "."
            + request.getHeader("webhook-timestamp")
            + "."
            + request.getBodyAsString();
    return "v1,"
        + Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
  }
}
