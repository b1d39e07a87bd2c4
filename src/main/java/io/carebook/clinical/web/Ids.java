package io.carebook.clinical.web;

import io.carebook.shared.NotFoundException;
import java.util.UUID;

/** Ids in paths: one that is not a UUID names nothing, so it is not found. */
final class Ids {

  private Ids() {}

  static UUID parse(String id, String what) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException(what);
    }
  }
}
