package io.carebook.shared;

import java.util.UUID;

/** Ids in paths: one that is not a UUID names nothing, so it is not found. */
public final class Ids {

  private Ids() {}

  public static UUID parse(String id, String what) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException(what);
    }
  }
}
