package io.carebook.notifications;

import java.time.Instant;
import java.util.UUID;

/** A message waiting in, or delivered from, the outbox. */
public record OutboxMessage(
    UUID id,
    String channel,
    String recipient,
    String kind,
    String locale,
    String subject,
    String body,
    String status,
    Instant createdAt) {}
