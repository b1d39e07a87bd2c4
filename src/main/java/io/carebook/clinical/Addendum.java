package io.carebook.clinical;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A later addition to a signed note or a finalized prescription, signed as it is written. */
public record Addendum(
    UUID id, String body, Instant signedAt, @Nullable UUID signedBy, @Nullable Voided voided) {}
