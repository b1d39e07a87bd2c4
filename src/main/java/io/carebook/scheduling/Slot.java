package io.carebook.scheduling;

import java.time.Instant;

/** A time a patient may book: its start and end, and how many more patients it takes. */
public record Slot(Instant startsAt, Instant endsAt, int seatsLeft) {}
