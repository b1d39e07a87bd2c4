package io.carebook.clinical;

import io.carebook.audit.AuditTrail;
import io.carebook.patients.Patient.PatientId;
import io.carebook.patients.PatientDirectory;
import io.carebook.shared.TenantId;
import io.carebook.shared.web.RateLimits;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.TenantTransactions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The public check of a printed prescription by its code: what a pharmacist needs to verify the
 * paper — whether it is final or voided, the clinic, the date, the prescriber, the drug lines and
 * the patient's initials; never the patient's name or the full document, which go to the patient
 * only, on their own channel ({@link PrescriptionCopyRequested}). Every check that finds a
 * prescription is recorded in the access log as a view by an anonymous reader, with the address.
 * The code is resolved to its organization by the one named resolver {@code prescription_by_code}.
 */
@Service
public class Verification {

  /** Enough for a pharmacy's day; not enough to scrape codes (60 random bits) from one address. */
  static final RateLimits.Limit PER_ADDRESS =
      new RateLimits.Limit("rx-verify-ip", 120, Duration.ofHours(1));

  private final JdbcClient jdbc;
  private final PrescriptionRows rows;
  private final EncounterRows encounters;
  private final Organizations organizations;
  private final PatientDirectory patients;
  private final RateLimits limits;
  private final PrescriptionDocuments documents;
  private final AuditTrail audit;
  private final TenantTransactions tenants;

  Verification(
      JdbcClient jdbc,
      PrescriptionRows rows,
      EncounterRows encounters,
      Organizations organizations,
      PatientDirectory patients,
      RateLimits limits,
      PrescriptionDocuments documents,
      AuditTrail audit,
      TenantTransactions tenants) {
    this.jdbc = jdbc;
    this.rows = rows;
    this.encounters = encounters;
    this.organizations = organizations;
    this.patients = patients;
    this.limits = limits;
    this.documents = documents;
    this.audit = audit;
    this.tenants = tenants;
  }

  /** Where a prescription stands, as the page says it. */
  public enum Status {
    FINAL,
    VOIDED,
    NOT_FINAL
  }

  /** A drug line as the pharmacist reads it off the paper. */
  public record Line(
      String drug,
      String details,
      @Nullable String dose,
      @Nullable String frequency,
      @Nullable String duration) {}

  /** What the verification page shows. */
  public record Verified(
      Status status,
      @Nullable LocalDate issuedOn,
      @Nullable Instant voidedAt,
      String clinic,
      String prescriber,
      String patientInitials,
      List<Line> lines) {

    public boolean valid() {
      return status == Status.FINAL;
    }

    public int items() {
      return lines.size();
    }
  }

  /**
   * The prescription of {@code code}, asked from {@code address} (rate-limited per address); the
   * read is recorded in the access log.
   */
  public Optional<Verified> verify(String code, String address) {
    limits.consume(PER_ADDRESS, address);
    var normalized = code.strip().toUpperCase(Locale.ROOT);
    if (!normalized.matches("[0-9A-Z]{12}")) {
      return Optional.empty();
    }
    return jdbc.sql("select tenant_id, id from prescription_by_code(?)")
        .param(normalized)
        .query(
            (rs, n) ->
                new Found(new TenantId(rs.getObject(1, UUID.class)), rs.getObject(2, UUID.class)))
        .optional()
        .map(this::read);
  }

  private record Found(TenantId tenant, UUID prescription) {}

  /**
   * Reads and logs, as an anonymous reader inside the prescription's organization and clinic (which
   * the prescription's encounter names).
   */
  private Verified read(Found found) {
    var clinicId =
        tenants.asVisitor(
            found.tenant(),
            null,
            () -> {
              var prescription = rows.find(found.prescription(), false).orElseThrow();
              return encounters.find(prescription.encounterId()).orElseThrow().clinicId();
            });
    return tenants.asVisitor(
        found.tenant(),
        clinicId,
        () -> {
          var prescription = rows.find(found.prescription(), false).orElseThrow();
          var encounter = encounters.find(prescription.encounterId()).orElseThrow();
          var clinic = organizations.find(encounter.clinicId()).orElseThrow();
          var patient = patients.get(new PatientId(encounter.patientId()));
          audit.viewedAnonymously(
              "prescriptions",
              prescription.id().toString(),
              encounter.patientId(),
              "public prescription check");
          return new Verified(
              prescription.voided() != null
                  ? Status.VOIDED
                  : prescription.finalized() ? Status.FINAL : Status.NOT_FINAL,
              prescription.finalizedAt() == null
                  ? null
                  : prescription.finalizedAt().atZone(clinic.timezone()).toLocalDate(),
              prescription.voided() == null ? null : prescription.voided().at(),
              clinic.name(),
              prescription.finalizedBy() == null
                  ? ""
                  : documents.prescriber(prescription.finalizedBy()).name(),
              initials(patient.fullName()),
              prescription.items().stream()
                  .map(i -> new Line(i.drug(), i.details(), i.dose(), i.frequency(), i.duration()))
                  .toList());
        });
  }

  /** "Fatima Hassan Ali" → "F. H. A." */
  static String initials(String name) {
    return Arrays.stream(name.strip().split("\\s+"))
        .filter(w -> !w.isEmpty())
        .map(w -> w.substring(0, w.offsetByCodePoints(0, 1)) + ".")
        .collect(Collectors.joining(" "));
  }
}
