package io.carebook.patients.web;

import io.carebook.shared.NotFoundException;
import java.util.UUID;

final class EntryIds {

  private EntryIds() {}

  /** An id that cannot exist is simply not found. */
  static UUID parse(String value) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("Entry");
    }
  }
}
