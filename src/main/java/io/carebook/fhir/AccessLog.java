package io.carebook.fhir;

import io.carebook.audit.AuditTrail;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * Logs the reading of health data through FHIR: one entry per patient per request (entity type
 * {@code fhir/<Type>}, the patient's id), in the reading transaction.
 */
@Component
class AccessLog {

  private final AuditTrail audit;

  AccessLog(AuditTrail audit) {
    this.audit = audit;
  }

  void viewed(ResourceType type, List<? extends Resource> resources) {
    var patients = new LinkedHashSet<java.util.UUID>();
    resources.stream().map(type::patientOf).filter(Objects::nonNull).forEach(patients::add);
    for (var patient : patients) {
      audit.viewed("fhir/" + type.name(), patient.toString(), patient);
    }
  }
}
