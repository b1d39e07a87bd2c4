package io.carebook.scheduling.web;

import io.carebook.patients.Patient;
import io.carebook.patients.PatientDirectory;
import io.carebook.patients.PersonName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The registered patients who may be the one typed into the calendar's quick-book form: by name, by
 * phone, or by medical record number, through the patients module's own search. The same rule the
 * desk applies decides what a new booking may not do silently: a phone already on file under
 * another name is a household's phone, and a new patient on it is created only on purpose.
 */
@Component
class QuickBookCandidates {

  private static final Pattern RECORD_NUMBER =
      Pattern.compile("(?i)\\s*(mrn)?[-\\s]*\\d{1,12}\\s*");
  private static final int MOST = 8;

  private final PatientDirectory patients;

  QuickBookCandidates(PatientDirectory patients) {
    this.patients = patients;
  }

  /** A patient the desk may mean, and whether they are on the phone typed. */
  record Candidate(
      String id, String fullName, String phone, @Nullable String mrn, boolean samePhone)
      implements java.io.Serializable {}

  /** Who the typed name, phone or record number may be: phone mates first, then matches. */
  List<Candidate> matching(String name, String phone) {
    var found = new LinkedHashMap<UUID, Patient>();
    var mates = phoneMates(phone);
    mates.forEach(p -> found.put(p.id().value(), p));
    if (RECORD_NUMBER.matcher(name).matches()) {
      patients.withMedicalRecordNumber(name).ifPresent(p -> found.put(p.id().value(), p));
    } else if (name.strip().length() >= 2) {
      patients.search(name.strip(), 5, null).items().forEach(p -> found.put(p.id().value(), p));
    }
    if (io.carebook.shared.PhoneNumber.digitsOf(phone).length() >= 3) {
      patients.search(phone.strip(), 5, null).items().forEach(p -> found.put(p.id().value(), p));
    }
    var mateIds = mates.stream().map(p -> p.id().value()).toList();
    return found.values().stream()
        .filter(p -> !p.voidedRecord())
        .limit(MOST)
        .map(p -> candidate(p, mateIds.contains(p.id().value())))
        .toList();
  }

  /**
   * The patients already on this phone when none of them bears the typed name: booking a new
   * patient on it would add a second record to a household's phone. Empty when the phone is new, or
   * when the duplicate rule finds the very person (same name, same phone).
   */
  List<Candidate> sharingPhone(String name, String phone) {
    var mates = phoneMates(phone);
    var typed = PersonName.normalize(name);
    if (mates.stream().anyMatch(p -> PersonName.normalize(p.fullName()).equals(typed))) {
      return List.of();
    }
    return mates.stream().map(p -> candidate(p, true)).toList();
  }

  private List<Patient> phoneMates(String phone) {
    return phone.isBlank()
        ? List.of()
        : patients.sharingPhone(phone.strip()).stream().filter(p -> !p.voidedRecord()).toList();
  }

  private static Candidate candidate(Patient p, boolean samePhone) {
    return new Candidate(
        p.id().value().toString(),
        p.fullName(),
        p.phone() == null ? "" : p.phone().e164(),
        p.medicalRecordNumber(),
        samePhone);
  }
}
