package io.carebook.patients;

import io.carebook.audit.AuditTrail;
import io.carebook.patients.Patient.PatientId;
import io.carebook.shared.NotFoundException;
import io.carebook.shared.PhoneNumber;
import io.carebook.shared.ProblemException;
import io.carebook.shared.web.Keyset;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.TenantContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The facade of the patients module: register, find or register, search as you type, read and
 * correct a patient of the current organization.
 */
@Service
public class PatientDirectory {

  /** At most this many results per page. */
  public static final int MAX_PAGE = 100;

  private final Patients patients;
  private final Organizations organizations;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final AuditTrail audit;

  PatientDirectory(
      Patients patients,
      Organizations organizations,
      ApplicationEventPublisher events,
      Clock clock,
      AuditTrail audit) {
    this.audit = audit;
    this.patients = patients;
    this.organizations = organizations;
    this.events = events;
    this.clock = clock;
  }

  /** One page of search results, and the cursor of the next page if there is one. */
  public record Page(List<Patient> items, @Nullable String next) {

    /**
     * The key the next page begins after (the last result's registration and id), null on the last
     * page: for callers that write their own cursors ({@link #searchAfter}).
     */
    public @Nullable Keyset nextKey() {
      return next == null ? null : keyOf(items.getLast());
    }
  }

  /**
   * Registers a patient, or refuses with {@link DuplicatePatientException} when the duplicate rule
   * matches (same phone, same normalized name). The patient is read in the registering transaction,
   * so it has no record number yet (given at commit, V1290); read it again after the commit to show
   * the number.
   */
  @Transactional
  public Patient register(NewPatient patient) {
    return get(registered(patient, PatientId.random()));
  }

  /** As {@link #register}, for callers that need only the new patient's id. */
  @Transactional
  public PatientId registerId(NewPatient patient) {
    return registered(patient, PatientId.random());
  }

  /** The patient the duplicate rule matches, or a newly registered one. */
  @Transactional
  public Patient findOrRegister(NewPatient patient) {
    return get(findOrRegisterId(patient, PatientId.random()));
  }

  /**
   * The id of the patient the duplicate rule matches, else {@code proposed}, under which the
   * patient is registered. For callers that need only the id and may have used it already (a
   * booking writes its appointment first): the record just written is not read back.
   */
  @Transactional
  public PatientId findOrRegisterId(NewPatient patient, PatientId proposed) {
    try {
      return registered(patient, proposed);
    } catch (DuplicatePatientException e) {
      return e.existing();
    }
  }

  private PatientId registered(NewPatient patient, PatientId id) {
    var checked = validated(patient);
    var phone = checked.phone();
    var name = PersonName.normalize(patient.fullName());
    if (phone != null) {
      patients
          .sameNameAndPhone(name, phone)
          .ifPresent(
              existing -> {
                throw new DuplicatePatientException(existing);
              });
    }
    if (!patients.insert(id, checked)) {
      // another request registered the same person a moment ago
      throw new DuplicatePatientException(patients.sameNameAndPhone(name, phone).orElseThrow());
    }
    events.publishEvent(new PatientRegistered(TenantContext.tenant(), id));
    return id;
  }

  /**
   * Opens a patient's chart for the current member: the read and its entry in the access log commit
   * together.
   */
  @Transactional
  public Patient chart(PatientId id) {
    var patient = get(id);
    audit.viewed("patients", id.toString(), id.value());
    return patient;
  }

  /** Patients' full names by id, in one query (for lists: calendars, queues, waitlists). */
  @Transactional(readOnly = true)
  public java.util.Map<java.util.UUID, String> names(java.util.Collection<java.util.UUID> ids) {
    return patients.names(ids);
  }

  /**
   * The given patients by id, in one query (for work batched across patients: messages); unknown
   * ids are left out.
   */
  @Transactional(readOnly = true)
  public java.util.Map<java.util.UUID, Patient> getAll(java.util.Collection<java.util.UUID> ids) {
    var found = new java.util.HashMap<java.util.UUID, Patient>();
    patients.findAll(ids).forEach(p -> found.put(p.id().value(), p));
    return found;
  }

  @Transactional(readOnly = true)
  public Patient get(PatientId id) {
    return patients.find(id).orElseThrow(() -> new NotFoundException("Patient"));
  }

  /**
   * The id, if the patient is on file (voided records too, as {@link #get}); else 404. One index
   * probe, no row read: for callers that only refer to the patient (a booking).
   */
  @Transactional(readOnly = true)
  public PatientId onFile(PatientId id) {
    if (!patients.exists(id)) {
      throw new NotFoundException("Patient");
    }
    return id;
  }

  /**
   * Corrects a patient's details. {@code expectedVersion} is the version the caller read; a stale
   * one is refused so that nobody overwrites a change they have not seen.
   */
  @Transactional
  public Patient correct(PatientId id, NewPatient patient, int expectedVersion) {
    inUse(id);
    var checked = validated(patient);
    var phone = checked.phone();
    if (phone != null) {
      var same = patients.sameNameAndPhone(PersonName.normalize(patient.fullName()), phone);
      if (same.isPresent() && !same.get().equals(id)) {
        throw new DuplicatePatientException(same.get());
      }
    }
    if (!patients.update(id, checked, expectedVersion)) {
      throw new OptimisticLockingFailureException("patient " + id + " changed");
    }
    return get(id);
  }

  /**
   * The patient, when their record is in use; a voided (merged) record refuses changes with 409,
   * naming the record it was merged into.
   */
  @Transactional(readOnly = true)
  public Patient inUse(PatientId id) {
    var patient = get(id);
    if (patient.voided() != null) {
      var into = patient.voided().mergedInto();
      throw new ProblemException(
          HttpStatus.CONFLICT,
          "patient-voided",
          "This record was voided"
              + (into == null ? "" : " and merged into " + into)
              + "; change that record instead.");
    }
    return patient;
  }

  /** The patient with this medical record number (MRN-000123, or just 123), if any. */
  @Transactional(readOnly = true)
  public java.util.Optional<Patient> withMedicalRecordNumber(String typed) {
    var digits = PhoneNumber.digitsOf(typed);
    if (digits.isEmpty() || digits.length() > 12) {
      return java.util.Optional.empty();
    }
    return patients.withMrn(Long.parseLong(digits));
  }

  /**
   * Patients who may be the same person as the one being registered: names alike (trigrams, in
   * either script), or the same date of birth with names a little alike. A warning, not a rule.
   */
  @Transactional(readOnly = true)
  public List<Patient> similar(String fullName, @Nullable LocalDate dateOfBirth) {
    var name = PersonName.normalize(fullName);
    if (name.length() < 3) {
      return List.of();
    }
    return patients.similar(name, dateOfBirth, 5);
  }

  /** Other patients sharing a phone: a household, shown as a hint at registration. */
  @Transactional(readOnly = true)
  public List<Patient> sharingPhone(String typedPhone) {
    return PhoneNumber.parse(typedPhone, region()).map(patients::withPhone).orElse(List.of());
  }

  /**
   * Search as you type: digits match the phone number (in any script, formatted or not), other text
   * matches the name however it was written.
   */
  @Transactional(readOnly = true)
  public Page search(String query, int limit, @Nullable String after) {
    return searchAfter(query, limit, decode(after));
  }

  /**
   * As {@link #search(String, int, String)}, the page after a key a previous page gave ({@link
   * Page#nextKey()}), null for the first page.
   */
  @Transactional(readOnly = true)
  public Page searchAfter(String query, int limit, @Nullable Keyset after) {
    var size = Math.clamp(limit, 1, MAX_PAGE);
    var digits = PhoneNumber.digitsOf(query);
    var name = PersonName.normalize(query.replaceAll("[\\p{Nd}+]", " "));
    if (digits.length() > 1 && digits.startsWith("0")) {
      digits = digits.substring(1); // a national prefix is not stored in E.164
    }
    var rows = patients.search(digits, name, after, size + 1);
    if (after == null && query.trim().toUpperCase(java.util.Locale.ROOT).startsWith("MRN")) {
      rows = withMedicalRecordNumber(query).stream().filter(p -> !p.voidedRecord()).toList();
    }
    var more = rows.size() > size;
    var items = more ? rows.subList(0, size) : rows;
    return new Page(List.copyOf(items), more ? encode(items.getLast()) : null);
  }

  @Transactional(readOnly = true)
  public long count() {
    return patients.count();
  }

  private Patients.Checked validated(NewPatient patient) {
    if (patient.fullName() == null || patient.fullName().isBlank()) {
      throw ProblemException.invalid("fullName", "is required");
    }
    if (patient.fullName().trim().length() > 200) {
      throw ProblemException.invalid("fullName", "must be at most 200 characters");
    }
    if (patient.otherName() != null && patient.otherName().trim().length() > 200) {
      throw ProblemException.invalid("otherName", "must be at most 200 characters");
    }
    if (patient.address() != null && patient.address().trim().length() > 500) {
      throw ProblemException.invalid("address", "must be at most 500 characters");
    }
    if (patient.dateOfBirth() != null
        && patient
            .dateOfBirth()
            .isAfter(LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC).plusDays(1))) {
      throw ProblemException.invalid("dateOfBirth", "cannot be in the future");
    }
    return new Patients.Checked(
        patient,
        phone("phone", patient.phone()),
        phone("alternatePhone", patient.alternatePhone()),
        email(patient.email()));
  }

  private @Nullable PhoneNumber phone(String field, @Nullable String typed) {
    if (typed == null || typed.isBlank()) {
      return null;
    }
    return PhoneNumber.parse(typed, region())
        .orElseThrow(() -> ProblemException.invalid(field, "is not a valid phone number"));
  }

  private static @Nullable String email(@Nullable String typed) {
    if (typed == null || typed.isBlank()) {
      return null;
    }
    var email = typed.trim();
    if (email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      throw ProblemException.invalid("email", "is not an e-mail address");
    }
    return email;
  }

  private String region() {
    return TenantContext.current().map(TenantContext.Scope::clinic).isPresent()
        ? organizations.activeClinic().country()
        : organizations.clinics().stream().findFirst().map(c -> c.country()).orElse("ZZ");
  }

  private static Keyset keyOf(Patient patient) {
    return new Keyset(patient.createdAt(), patient.id().value());
  }

  private static @Nullable String encode(Patient last) {
    var text = last.createdAt().toString() + "|" + last.id();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes());
  }

  private static @Nullable Keyset decode(@Nullable String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    try {
      var parts = new String(Base64.getUrlDecoder().decode(cursor)).split("\\|");
      return new Keyset(java.time.Instant.parse(parts[0]), UUID.fromString(parts[1]));
    } catch (RuntimeException e) {
      throw ProblemException.invalid("cursor", "is not a cursor this API returned");
    }
  }
}
