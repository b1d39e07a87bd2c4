package io.carebook.notifications;

import io.carebook.notifications.Channel.DeliveryFailed;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * HTTP to the messaging providers, with timeouts: a provider that does not answer in time is a
 * temporary failure, retried later, never a thread stuck for good.
 */
@Component
class ProviderHttp {

  private final HttpClient client;
  private final Duration timeout;

  ProviderHttp(@Value("${carebook.notifications.provider-timeout:PT10S}") Duration timeout) {
    this.timeout = timeout;
    this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  HttpRequest.Builder request(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(timeout);
  }

  /** The body of a 2xx answer; anything else is a failure, temporary or permanent. */
  String send(HttpRequest request) throws DeliveryFailed {
    try {
      var response = client.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw DeliveryFailed.ofStatus(response.statusCode(), response.body());
      }
      return response.body();
    } catch (HttpTimeoutException e) {
      throw new DeliveryFailed("Timed out after " + timeout.toSeconds() + " s", true);
    } catch (IOException e) {
      throw new DeliveryFailed("Unreachable: " + e, true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryFailed("Interrupted", true);
    }
  }
}
