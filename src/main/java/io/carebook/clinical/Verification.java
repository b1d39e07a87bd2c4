package io.carebook.clinical;

import io.carebook.identity.RateLimits;
import io.carebook.patients.Patient.PatientId;
import io.carebook.patients.PatientDirectory;
import io.carebook.shared.TenantId;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.TenantTransactions;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The public check of a printed prescription by its code: whether it is authentic, finalized and
 * not voided, with the clinic, the date and the patient's initials — nothing more about the
 * patient. The code is resolved to its organization by the one named resolver {@code
 * prescription_by_code}; the reading goes on inside that organization's context.
 */
@Service
public class Verification {

  private final JdbcClient jdbc;
  private final TenantTransactions tenants;
  private final PrescriptionRows rows;
  private final EncounterRows encounters;
  private final Organizations organizations;
  private final PatientDirectory patients;
  private final RateLimits limits;
  private final PrescriptionDocuments documents;
  private final org.springframework.transaction.support.TransactionTemplate transaction;

  /** Enough for a pharmacy's day; not enough to scrape codes (60 random bits) from one address. */
  static final RateLimits.Limit PER_ADDRESS =
      new RateLimits.Limit("rx-verify-ip", 120, java.time.Duration.ofHours(1));

  Verification(
      JdbcClient jdbc,
      TenantTransactions tenants,
      PrescriptionRows rows,
      EncounterRows encounters,
      Organizations organizations,
      PatientDirectory patients,
      RateLimits limits,
      PrescriptionDocuments documents,
      org.springframework.transaction.PlatformTransactionManager transactions) {
    this.limits = limits;
    this.documents = documents;
    this.transaction =
        new org.springframework.transaction.support.TransactionTemplate(transactions);
    this.transaction.setReadOnly(true);
    this.jdbc = jdbc;
    this.tenants = tenants;
    this.rows = rows;
    this.encounters = encounters;
    this.organizations = organizations;
    this.patients = patients;
  }

  /** What the verification page shows. */
  public record Verified(
      boolean valid,
      java.time.@Nullable LocalDate issuedOn,
      @Nullable Instant voidedAt,
      String clinic,
      String patientInitials,
      int items) {}

  /** The prescription of {@code code}, asked from {@code address} (rate-limited per address). */
  public Optional<Verified> verify(String code, String address) {
    limits.consume(PER_ADDRESS, address);
    var normalized = code.strip().toUpperCase(Locale.ROOT);
    if (!normalized.matches("[0-9A-Z]{12}")) {
      return Optional.empty();
    }
    var found =
        jdbc.sql("select tenant_id, id from prescription_by_code(?)")
            .param(normalized)
            .query(
                (rs, n) ->
                    new Object[] {
                      new TenantId(rs.getObject(1, UUID.class)), rs.getObject(2, UUID.class)
                    })
            .optional();
    return found.map(
        f ->
            tenants.call(
                (TenantId) f[0],
                () -> {
                  var prescription = rows.find((UUID) f[1], false).orElseThrow();
                  var encounter = encounters.find(prescription.encounterId()).orElseThrow();
                  var clinic = organizations.find(encounter.clinicId()).orElseThrow();
                  var patient = patients.get(new PatientId(encounter.patientId()));
                  return new Verified(
                      prescription.finalized() && prescription.voided() == null,
                      prescription.finalizedAt() == null
                          ? null
                          : prescription.finalizedAt().atZone(clinic.timezone()).toLocalDate(),
                      prescription.voided() == null ? null : prescription.voided().at(),
                      clinic.name(),
                      initials(patient.fullName()),
                      prescription.items().size());
                }));
  }

  /**
   * The patient's copy: the PDF of a valid prescription of {@code code}, for whoever holds the code
   * (the patient it was sent to, the pharmacy holding the paper). Rate-limited like the check.
   */
  public Optional<byte[]> copy(String code, String address, @Nullable Locale language) {
    limits.consume(PER_ADDRESS, address);
    var normalized = code.strip().toUpperCase(Locale.ROOT);
    if (!normalized.matches("[0-9A-Z]{12}")) {
      return Optional.empty();
    }
    return jdbc.sql("select tenant_id, id from prescription_by_code(?)")
        .param(normalized)
        .query(
            (rs, n) ->
                new Object[] {
                  new TenantId(rs.getObject(1, UUID.class)), rs.getObject(2, UUID.class)
                })
        .optional()
        .flatMap(
            f -> {
              var located =
                  tenants.call(
                      (TenantId) f[0],
                      () -> {
                        var prescription = rows.find((UUID) f[1], false).orElseThrow();
                        return new Prescribing.Located(
                            prescription,
                            encounters.find(prescription.encounterId()).orElseThrow());
                      });
              if (!located.prescription().finalized() || located.prescription().voided() != null) {
                return Optional.empty();
              }
              var scope =
                  new io.carebook.tenancy.TenantContext.Scope(
                      (TenantId) f[0],
                      located.encounter().clinicId(),
                      null,
                      io.carebook.tenancy.ActorType.SYSTEM);
              return Optional.of(
                  io.carebook.tenancy.TenantContext.call(
                      scope, () -> transaction.execute(s -> documents.pdf(located, language))));
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
