package io.carebook.patients;

import io.carebook.audit.AuditTrail;
import io.carebook.patients.Chart.ConsentChannel;
import io.carebook.patients.Chart.ConsentKind;
import io.carebook.patients.Chart.IdentifierKind;
import io.carebook.patients.Patient.PatientId;
import io.carebook.patients.documents.DocumentRows;
import io.carebook.patients.internal.RowValues;
import io.carebook.shared.PhoneNumber;
import io.carebook.shared.ProblemException;
import io.carebook.tenancy.Encryption;
import io.carebook.tenancy.KeyOwner;
import io.carebook.tenancy.Organizations;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The patient chart of the current organization: opening it (a logged view of health data), and its
 * identifiers, emergency contacts, consents, tags and guardians. National and insurance ids are
 * encrypted with the organization's data key and found by exact value through a keyed hash ({@link
 * SearchKeys}). Entries are voided with a reason, never deleted.
 */
@Service
public class PatientChart {

  static final String IDENTIFIER_FIELD = "patient_identifiers.value";

  private final PatientDirectory directory;
  private final PatientSafety safety;
  private final ChartEntries entries;
  private final DocumentRows documents;
  private final SearchKeys searchKeys;
  private final Encryption encryption;
  private final Voiding voiding;
  private final Organizations organizations;
  private final AuditTrail audit;

  PatientChart(
      PatientDirectory directory,
      PatientSafety safety,
      ChartEntries entries,
      DocumentRows documents,
      SearchKeys searchKeys,
      Encryption encryption,
      Voiding voiding,
      Organizations organizations,
      AuditTrail audit) {
    this.directory = directory;
    this.safety = safety;
    this.entries = entries;
    this.documents = documents;
    this.searchKeys = searchKeys;
    this.encryption = encryption;
    this.voiding = voiding;
    this.organizations = organizations;
    this.audit = audit;
  }

  /** Opens the whole chart for the current member; the read and its log entry commit together. */
  @Transactional
  public Chart open(PatientId id) {
    var patient = directory.get(id);
    audit.viewed("patients", id.toString(), id.value());
    return new Chart(
        patient,
        safety.allergies(id),
        safety.medications(id),
        identifiers(id),
        entries.contacts(id),
        entries.consents(id),
        entries.tags(id),
        entries.relations(id, true),
        entries.relations(id, false),
        documents.of(id));
  }

  /**
   * Adds a national id, passport or insurance number. The same value of the same kind on another
   * record in use is refused with 409 {@code duplicate-identifier}, naming that record.
   */
  @Transactional
  public UUID addIdentifier(
      PatientId patient, IdentifierKind kind, @Nullable String issuer, String value) {
    directory.inUse(patient);
    var normalized = IdentifierValues.checked("value", value);
    if (issuer != null && issuer.trim().length() > 100) {
      throw ProblemException.invalid("issuer", "must be at most 100 characters");
    }
    var hash = searchKeys.hash(normalized);
    var holders = entries.holdersOf(hash, kind);
    if (!holders.isEmpty()) {
      throw duplicate(holders.getFirst());
    }
    var id = UUID.randomUUID();
    var sealed =
        encryption.encrypt(
            KeyOwner.currentTenant(),
            IDENTIFIER_FIELD,
            id.toString(),
            normalized.getBytes(StandardCharsets.UTF_8));
    try {
      entries.insertIdentifier(id, patient, kind, RowValues.blankToNull(issuer), sealed, hash);
    } catch (DuplicateKeyException e) {
      throw duplicate(entries.holdersOf(hash, kind).getFirst());
    }
    return id;
  }

  /** The patients holding this identifier (any kind), found by its keyed hash: exact value. */
  @Transactional(readOnly = true)
  public List<Patient> findByIdentifier(String value) {
    var normalized = IdentifierValues.normalize(value == null ? "" : value);
    if (normalized.isEmpty() || normalized.indexOf('\u0000') >= 0) {
      return List.of();
    }
    return entries.holdersOf(searchKeys.hash(normalized), null).stream()
        .map(directory::get)
        .toList();
  }

  @Transactional
  public UUID addContact(
      PatientId patient, String name, @Nullable String relationship, @Nullable String phone) {
    directory.inUse(patient);
    PatientSafety.requireText("name", name, 200);
    return entries.insertContact(patient, name, relationship, phoneOf(phone));
  }

  @Transactional
  public UUID recordConsent(
      PatientId patient,
      ConsentKind kind,
      boolean granted,
      @Nullable LocalDate on,
      ConsentChannel channel,
      @Nullable String note) {
    directory.inUse(patient);
    var today = LocalDate.now(organizations.activeClinic().timezone());
    var date = on == null ? today : on;
    if (date.isAfter(today)) {
      throw ProblemException.invalid("decidedOn", "cannot be in the future");
    }
    return entries.insertConsent(patient, kind, granted, date, channel, note);
  }

  @Transactional
  public void tag(PatientId patient, String tag) {
    directory.inUse(patient);
    entries.tag(patient, Tags.checked(tag));
  }

  @Transactional
  public void untag(PatientId patient, String tag) {
    directory.inUse(patient);
    entries.untag(patient, Tags.normalize(tag));
  }

  /** Links a guardian (another patient of the organization) to a patient. */
  @Transactional
  public UUID addGuardian(PatientId patient, PatientId guardian, @Nullable String relationship) {
    directory.inUse(patient);
    if (patient.equals(guardian)) {
      throw ProblemException.invalid("guardianId", "must be another patient");
    }
    directory.inUse(guardian);
    try {
      return entries.insertGuardian(patient, guardian, relationship);
    } catch (DuplicateKeyException e) {
      throw new ProblemException(
          HttpStatus.CONFLICT, "duplicate-guardian", "This guardian is already linked.");
    }
  }

  /** Voids an entry of the chart (an identifier, contact, consent, guardian link). */
  @Transactional
  public void voidEntry(PatientId patient, String kind, UUID id, String reason) {
    var entry = Voiding.Entry.of(kind);
    if (!voiding.patientOf(entry, id).equals(patient)) {
      throw new io.carebook.shared.NotFoundException("Entry");
    }
    voiding.voidEntry(entry, id, reason);
  }

  private List<Chart.Identifier> identifiers(PatientId patient) {
    return entries.identifiers(patient).stream()
        .map(
            s ->
                new Chart.Identifier(
                    s.id(),
                    s.kind(),
                    s.issuer(),
                    new String(
                        encryption.decrypt(
                            KeyOwner.currentTenant(),
                            IDENTIFIER_FIELD,
                            s.id().toString(),
                            s.sealed()),
                        StandardCharsets.UTF_8),
                    s.createdAt()))
        .toList();
  }

  private @Nullable PhoneNumber phoneOf(@Nullable String typed) {
    if (typed == null || typed.isBlank()) {
      return null;
    }
    return PhoneNumber.parse(typed, organizations.activeClinic().country())
        .orElseThrow(() -> ProblemException.invalid("phone", "is not a valid phone number"));
  }

  private static ProblemException duplicate(PatientId holder) {
    return new ProblemException(
        HttpStatus.CONFLICT,
        "duplicate-identifier",
        "This identifier already belongs to patient " + holder + ".");
  }
}
