package io.carebook.billing;

import io.carebook.shared.ProblemException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Razorpay's API as Carebook uses it: JSON posted with HTTP basic auth (key id and key secret),
 * answering the hosted page's {@code short_url}. Keys are read when used, so a server gains or
 * loses Razorpay with its configuration and nothing else.
 */
@Component
class RazorpayClient {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Environment environment;
  private final String apiBase;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  RazorpayClient(
      Environment environment,
      @Value("${carebook.razorpay.api-base:https://api.razorpay.com}") String apiBase) {
    this.environment = environment;
    this.apiBase = apiBase;
  }

  /** A configured, non-blank property of Razorpay's ({@code carebook.razorpay.<name>}). */
  Optional<String> setting(String name) {
    return Optional.ofNullable(environment.getProperty("carebook.razorpay." + name))
        .filter(s -> !s.isBlank());
  }

  /** Whether keys for the API and for verifying webhooks are all set. */
  boolean configured() {
    return setting("key-id").isPresent()
        && setting("key-secret").isPresent()
        && setting("webhook-secret").isPresent();
  }

  /** Creates what {@code path} makes (a payment link, a subscription): its hosted page. */
  URI create(String path, Map<String, Object> body) {
    if (!configured()) {
      throw notConfigured();
    }
    var credentials = setting("key-id").orElseThrow() + ":" + setting("key-secret").orElseThrow();
    var request =
        HttpRequest.newBuilder(URI.create(apiBase + path))
            .timeout(Duration.ofSeconds(15))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
            .build();
    try {
      var response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw providerFailed();
      }
      var url = JSON.readTree(response.body()).path("short_url").asString("");
      if (url.isEmpty()) {
        throw providerFailed();
      }
      return URI.create(url);
    } catch (IOException | RuntimeException e) {
      if (e instanceof ProblemException problem) {
        throw problem;
      }
      throw providerFailed();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw providerFailed();
    }
  }

  static ProblemException notConfigured() {
    return new ProblemException(
        HttpStatus.CONFLICT,
        "payments-not-configured",
        "Online payment through Razorpay is not set up on this server.");
  }

  private static ProblemException providerFailed() {
    return new ProblemException(
        HttpStatus.BAD_GATEWAY,
        "payment-provider-unavailable",
        "The payment provider did not answer; try again in a moment.");
  }
}
