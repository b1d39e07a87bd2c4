package io.carebook.scheduling;

import io.carebook.shared.UserId;
import java.time.Instant;
import java.util.UUID;

/**
 * A doctor's time off (LEAVE, or a COMMITMENT such as hospital rounds): {@code everywhere} when the
 * doctor recorded it for themself, else at the recording organization's clinic only.
 */
public record TimeOffEntry(
    UUID id, UserId doctor, Instant starts, Instant ends, String kind, boolean everywhere) {}
