package io.carebook.audit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each new checkpoint, as JSON, to {@code carebook.audit.checkpoint-url} when it is set: a
 * place outside the database (another system, a notary, a write-once store) that keeps a copy. Best
 * effort: a refusal or a timeout is logged, and the checkpoint stays downloadable.
 */
final class CheckpointPublisher {

  private static final Logger log = LoggerFactory.getLogger(CheckpointPublisher.class);

  private final @Nullable URI target;
  private final HttpClient http;

  CheckpointPublisher(@Nullable String url) {
    this.target = url == null || url.isBlank() ? null : URI.create(url.strip());
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** Whether it sent the checkpoint and the address took it (a 2xx answer). */
  boolean publish(AuditCheckpoint checkpoint) {
    if (target == null) {
      return false;
    }
    try {
      var response =
          http.send(
              HttpRequest.newBuilder(target)
                  .timeout(Duration.ofSeconds(10))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(checkpoint.json()))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() / 100 == 2) {
        return true;
      }
      log.warn("The checkpoint address answered {}", response.statusCode());
    } catch (java.io.IOException e) {
      log.warn("Could not send an audit checkpoint: {}", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }
}
