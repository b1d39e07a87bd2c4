package io.carebook.clinical;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Why, by whom and when a clinical record was voided; it stays in the history. */
public record Voided(Instant at, @Nullable UUID by, String reason) {}
