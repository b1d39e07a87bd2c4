package io.carebook.shared;

import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Identifies a tenant. */
public record TenantId(@JsonValue UUID value) implements Serializable {

  public TenantId {
    Objects.requireNonNull(value, "tenant id");
  }

  /** The platform itself: what belongs to no organization (a user's sign-in, a password reset). */
  public static final TenantId PLATFORM = new TenantId(new UUID(0, 0));

  public static TenantId random() {
    return new TenantId(UUID.randomUUID());
  }

  public static TenantId of(String value) {
    return new TenantId(UUID.fromString(value));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
