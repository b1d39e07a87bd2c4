package io.carebook.shared;

import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Identifies a user. */
public record UserId(@JsonValue UUID value) implements Serializable {

  public UserId {
    Objects.requireNonNull(value, "user id");
  }

  public static UserId random() {
    return new UserId(UUID.randomUUID());
  }

  public static UserId of(String value) {
    return new UserId(UUID.fromString(value));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
