package io.carebook.fhir;

import io.carebook.shared.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.hl7.fhir.r4.model.Reference;

/** Our ids as FHIR logical ids and references. */
final class Ids {

  private Ids() {}

  /** The UUID a logical id names; an id that cannot exist is simply not found. */
  static UUID uuid(String id, String what) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException(what);
    }
  }

  static Reference to(String type, UUID id) {
    return new Reference(type + "/" + id);
  }

  /** The id of a doctor at a clinic (PractitionerRole and Schedule): the same for both, stable. */
  static UUID doctorAtClinic(UUID clinic, UUID doctor) {
    return UUID.nameUUIDFromBytes(
        ("carebook:doctor-at-clinic:" + clinic + ":" + doctor).getBytes(StandardCharsets.UTF_8));
  }
}
