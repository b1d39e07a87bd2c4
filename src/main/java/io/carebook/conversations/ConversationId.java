package io.carebook.conversations;

import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a conversation where it crosses a module's border. Serialized as the plain UUID, like
 * {@code shared.VisitId}.
 */
public record ConversationId(@JsonValue UUID value) implements Serializable {

  public ConversationId {
    Objects.requireNonNull(value, "conversation id");
  }

  public static ConversationId random() {
    return new ConversationId(UUID.randomUUID());
  }

  public static ConversationId of(String value) {
    return new ConversationId(UUID.fromString(value));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
