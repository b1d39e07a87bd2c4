package io.carebook.patients;

import io.carebook.patients.Patient.PatientId;
import io.carebook.patients.documents.PatientDocument;
import io.carebook.shared.PhoneNumber;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Everything on a patient's chart that is in use (voided entries are kept, but not shown here): the
 * patient, the safety header (allergies, current medications), identifiers, emergency contacts,
 * consents, tags, guardians and the patients this one is guardian of, and documents.
 */
public record Chart(
    Patient patient,
    List<Allergy> allergies,
    List<Medication> medications,
    List<Identifier> identifiers,
    List<Contact> contacts,
    List<Consent> consents,
    List<String> tags,
    List<Relation> guardians,
    List<Relation> wards,
    List<PatientDocument> documents) {

  /** Allergies still in force, most severe first, for the header. */
  public List<Allergy> activeAllergies() {
    return allergies.stream().filter(Allergy::isActive).toList();
  }

  public List<Medication> currentMedications() {
    return medications.stream().filter(Medication::isCurrent).toList();
  }

  /** The consent in force for each kind: the newest decision. */
  public List<Consent> consentsInForce() {
    var seen = new java.util.HashSet<ConsentKind>();
    return consents.stream().filter(c -> seen.add(c.kind())).toList();
  }

  /** A national id, passport or insurance number, decrypted for the reader of the chart. */
  public record Identifier(
      UUID id, IdentifierKind kind, @Nullable String issuer, String value, Instant createdAt) {

    /** The value with all but its last four characters hidden. */
    public String masked() {
      var keep = Math.min(4, value.length());
      return "•".repeat(Math.max(0, value.length() - keep))
          + value.substring(value.length() - keep);
    }
  }

  public enum IdentifierKind {
    NATIONAL_ID,
    PASSPORT,
    INSURANCE,
    OTHER
  }

  /** Someone to call in an emergency. */
  public record Contact(
      UUID id, String name, @Nullable String relationship, @Nullable PhoneNumber phone) {}

  /** A consent granted or withdrawn on a date, through a channel. */
  public record Consent(
      UUID id,
      ConsentKind kind,
      boolean granted,
      LocalDate decidedOn,
      ConsentChannel channel,
      @Nullable String note,
      Instant recordedAt) {}

  public enum ConsentKind {
    TREATMENT,
    DATA_PROCESSING,
    REMINDERS,
    MARKETING,
    RESEARCH
  }

  public enum ConsentChannel {
    PAPER,
    VERBAL,
    ELECTRONIC,
    WHATSAPP,
    SMS,
    EMAIL
  }

  /** A guardian link seen from one side: the other patient, and how they are related. */
  public record Relation(
      UUID id,
      PatientId other,
      String otherName,
      @Nullable Long otherMrn,
      @Nullable LocalDate otherBorn,
      @Nullable String relationship) {}
}
