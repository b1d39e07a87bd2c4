package io.carebook.tenancy;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes the event publications that were completed more than {@code
 * carebook.events.keep-completed} ago (7 days by default). Since completed publications are deleted
 * at once ({@code spring.modulith.events.completion-mode=delete}) this only clears what earlier
 * versions kept, and anything completed while that setting is switched back. Incomplete
 * publications stay, to be retried.
 */
@Component
class EventPublicationPurge {

  private static final Logger log = LoggerFactory.getLogger(EventPublicationPurge.class);

  private final CompletedEventPublications completed;
  private final Duration keep;

  EventPublicationPurge(
      CompletedEventPublications completed,
      @Value("${carebook.events.keep-completed:P7D}") Duration keep) {
    this.completed = completed;
    this.keep = keep;
  }

  @Scheduled(
      initialDelayString = "${carebook.events.purge-interval:PT1H}",
      fixedDelayString = "${carebook.events.purge-interval:PT1H}")
  void purge() {
    try {
      completed.deletePublicationsOlderThan(keep);
    } catch (RuntimeException e) {
      log.warn("Purging completed event publications will retry: {}", e.getMessage());
    }
  }
}
