package io.carebook.shared;

import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Identifies a clinic. */
public record ClinicId(@JsonValue UUID value) implements Serializable {

  public ClinicId {
    Objects.requireNonNull(value, "clinic id");
  }

  public static ClinicId random() {
    return new ClinicId(UUID.randomUUID());
  }

  public static ClinicId of(String value) {
    return new ClinicId(UUID.fromString(value));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
