package io.carebook.identity.apikeys;

import java.util.Optional;

/** The integration or AI agent behind the request in progress, when it came with an API key. */
public final class CurrentAgent {

  private static final ScopedValue<ApiKeys.Agent> CURRENT = ScopedValue.newInstance();

  private CurrentAgent() {}

  public static Optional<ApiKeys.Agent> current() {
    return CURRENT.isBound() ? Optional.of(CURRENT.get()) : Optional.empty();
  }

  public static ScopedValue<ApiKeys.Agent> scopedValue() {
    return CURRENT;
  }
}
