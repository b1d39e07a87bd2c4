package io.carebook.shared;

import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * Identifies an invoice where it crosses a module's border (events, the methods other modules
 * call). Serialized as the plain UUID, so an event stored when it was a UUID reads back unchanged.
 */
public record InvoiceId(@JsonValue UUID value) implements Serializable {

  public InvoiceId {
    Objects.requireNonNull(value, "invoice id");
  }

  public static InvoiceId random() {
    return new InvoiceId(UUID.randomUUID());
  }

  public static InvoiceId of(String value) {
    return new InvoiceId(UUID.fromString(value));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
