package io.carebook.conversations;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A line of a transcript: a message in ({@code IN}, the patient's) or out ({@code OUT}), or a
 * change of state or hands ({@link Author#SYSTEM}, direction {@code OUT}, its {@code payload}
 * naming the event: {@code {"event": "TAKEN_OVER" | "HANDED_BACK" | "PERSON_ASKED" | "REQUEST" |
 * "CLOSED", "actor": "PERSON" | "BOT" | "AGENT" | ...}}). {@code authorId}: the person's user id or
 * the agent's API key id. One-time codes are masked in {@code body}.
 */
public record ConversationMessage(
    UUID id,
    ConversationId conversationId,
    String direction,
    Author author,
    @Nullable UUID authorId,
    String body,
    @Nullable String payload,
    Instant createdAt) {

  public boolean inbound() {
    return "IN".equals(direction);
  }
}
