package io.carebook.shared;

import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * Identifies an appointment where it crosses a module's border (events, the methods other modules
 * call). Serialized as the plain UUID, so an event stored when it was a UUID reads back unchanged.
 */
public record AppointmentId(@JsonValue UUID value) implements Serializable {

  public AppointmentId {
    Objects.requireNonNull(value, "appointment id");
  }

  public static AppointmentId random() {
    return new AppointmentId(UUID.randomUUID());
  }

  public static AppointmentId of(String value) {
    return new AppointmentId(UUID.fromString(value));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
