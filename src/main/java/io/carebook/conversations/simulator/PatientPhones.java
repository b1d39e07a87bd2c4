package io.carebook.conversations.simulator;

import io.carebook.patients.PatientDirectory;
import io.carebook.tenancy.TenantTransactions;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** A few of the clinic's patients' phones to pick on the phone page, and typed numbers. */
@Component
class PatientPhones {

  /** The number the page offers for "a new number": invented, and no demo patient's. */
  static final String NEW_NUMBER = "+201009990000";

  record Known(String name, String e164) {}

  private final PatientDirectory patients;
  private final TenantTransactions tenants;

  PatientPhones(PatientDirectory patients, TenantTransactions tenants) {
    this.patients = patients;
    this.tenants = tenants;
  }

  /** Up to five of the organization's most recent patients with a phone. */
  List<Known> of(SimulatedClinic clinic) {
    return tenants.inClinic(
        clinic.tenant(),
        clinic.clinic(),
        () ->
            patients.search("", 20, null).items().stream()
                .filter(p -> p.phone() != null)
                .map(p -> new Known(p.fullName(), Objects.requireNonNull(p.phone()).e164()))
                .distinct()
                .limit(5)
                .toList());
  }

  /** A typed number as E.164 ("+" and 8 to 15 digits), or empty. */
  static Optional<String> typed(@Nullable String number) {
    if (number == null) {
      return Optional.empty();
    }
    var digits = new StringBuilder();
    number
        .codePoints()
        .filter(Character::isDigit)
        .forEach(c -> digits.append(Character.digit(c, 10)));
    return digits.length() < 8 || digits.length() > 15
        ? Optional.empty()
        : Optional.of("+" + digits);
  }
}
