package io.carebook.patients;

import io.carebook.patients.Patient.PatientId;
import io.carebook.shared.PhoneNumber;
import io.carebook.tenancy.Organizations;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The duplicate rule as an import applies it: the same phone and name as a record in use (the
 * registration rule); and, for a row with no phone, the same name and date of birth, since a list
 * imported twice must not register its phoneless patients twice.
 */
@Component
public class ImportDuplicateRule {

  private final Patients patients;
  private final Organizations organizations;

  ImportDuplicateRule(Patients patients, Organizations organizations) {
    this.patients = patients;
    this.organizations = organizations;
  }

  public @Nullable PatientId duplicateOf(NewPatient patient) {
    var name = PersonName.normalize(patient.fullName());
    if (patient.phone() != null) {
      var phone = PhoneNumber.parse(patient.phone(), organizations.activeClinic().country());
      if (phone.isPresent()) {
        return patients.sameNameAndPhone(name, phone.get()).orElse(null);
      }
    }
    if (patient.dateOfBirth() != null) {
      return patients.sameNameAndBirth(name, patient.dateOfBirth()).orElse(null);
    }
    return null;
  }
}
