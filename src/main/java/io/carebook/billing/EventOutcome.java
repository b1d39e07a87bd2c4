package io.carebook.billing;

/** What a payment provider's event did, answered to the provider (and seen in its dashboard). */
public enum EventOutcome {
  /** It changed something: a payment recorded, a subscription moved. */
  APPLIED,
  /** Its id was seen before: nothing changes. */
  REPLAYED,
  /** A later event of the same subscription came first: nothing changes. */
  STALE,
  /** Not one Carebook acts on, or not for one of its clinics. */
  IGNORED,
  /** A payment that does not match what its invoice owes: not recorded, left to staff. */
  MISMATCHED
}
