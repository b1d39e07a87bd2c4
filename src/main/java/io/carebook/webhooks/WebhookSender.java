package io.carebook.webhooks;

import io.carebook.webhooks.DeliveryQueue.Claimed;
import io.carebook.webhooks.DeliveryQueue.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * One signed POST of a delivery: a bounded HTTP client (connect and answer timeouts, no redirects
 * followed), the Standard Webhooks headers, and at most the first {@value #KEPT_BODY} characters of
 * the answer kept. It never throws: every failure is an {@link Outcome} to record.
 */
@Component
class WebhookSender {

  static final int KEPT_BODY = 1000;
  private static final String USER_AGENT = "Carebook-Webhooks/1";

  private final HttpClient client;
  private final Duration timeout;
  private final EndpointAddresses addresses;

  WebhookSender(WebhookSettings settings) {
    this.timeout = settings.timeout;
    this.addresses = settings.addresses();
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  /** Sends {@code delivery} stamped {@code now}. */
  Outcome send(Claimed delivery, Instant now) {
    var started = System.nanoTime();
    if (!addresses.sendable(delivery.url())) {
      return failure(started, "Refused: the address is not a public https address");
    }
    var timestamp = now.getEpochSecond();
    var id = delivery.id().toString();
    var request =
        HttpRequest.newBuilder(delivery.url())
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("User-Agent", USER_AGENT)
            .header("webhook-id", id)
            .header("webhook-timestamp", Long.toString(timestamp))
            .header(
                "webhook-signature",
                StandardWebhooks.signature(delivery.secret(), id, timestamp, delivery.payload()))
            .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
            .build();
    try {
      var response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      var body = beginning(response.body());
      return new Outcome(response.statusCode(), since(started), body, null);
    } catch (HttpTimeoutException e) {
      return failure(started, "Timed out after " + timeout.toSeconds() + " s");
    } catch (IOException e) {
      return failure(
          started, "Unreachable: " + e.getClass().getSimpleName() + " " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failure(started, "Interrupted");
    } catch (RuntimeException e) {
      return failure(started, "Not sent: " + e.getMessage());
    }
  }

  /** The first characters of an answer, read no further; the rest is discarded unread. */
  private static String beginning(InputStream body) throws IOException {
    try (body) {
      var bytes = body.readNBytes(KEPT_BODY * 4);
      var text = new String(bytes, StandardCharsets.UTF_8);
      return text.length() > KEPT_BODY ? text.substring(0, KEPT_BODY) : text;
    }
  }

  private static Outcome failure(long started, String error) {
    var text = error.length() > KEPT_BODY ? error.substring(0, KEPT_BODY) : error;
    return new Outcome(null, since(started), null, text);
  }

  private static Duration since(long started) {
    return Duration.ofNanos(System.nanoTime() - started);
  }
}
