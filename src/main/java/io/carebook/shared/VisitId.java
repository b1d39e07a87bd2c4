package io.carebook.shared;

import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a visit (a patient's stay at the clinic, from check-in to done) where it crosses a
 * module's border (events, the methods other modules call). Serialized as the plain UUID, so an
 * event stored when it was a UUID reads back unchanged.
 */
public record VisitId(@JsonValue UUID value) implements Serializable {

  public VisitId {
    Objects.requireNonNull(value, "visit id");
  }

  public static VisitId random() {
    return new VisitId(UUID.randomUUID());
  }

  public static VisitId of(String value) {
    return new VisitId(UUID.fromString(value));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
