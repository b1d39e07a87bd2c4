package io.carebook.clinical;

import io.carebook.audit.AuditTrail;
import io.carebook.shared.ProblemException;
import io.carebook.shared.Secrets;
import io.carebook.shared.TenantId;
import io.carebook.tenancy.Seals;
import io.carebook.tenancy.TenantContext;
import io.carebook.tenancy.TenantTransactions;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The patient's own copy of a prescription: a private link to its PDF, sent on the patient's
 * channel ({@link PrescriptionCopyRequested}), valid {@link #VALID}. Only the link's hash is kept;
 * every read through it is in the access log, by an anonymous reader from their address. The
 * paper's verification code opens no copy: it shows a pharmacist the check ({@link Verification}).
 */
@Service
public class PrescriptionCopies {

  static final Duration VALID = Duration.ofDays(90);

  private final JdbcClient jdbc;
  private final Prescribing prescribing;
  private final PrescriptionRows rows;
  private final EncounterRows encounters;
  private final PrescriptionDocuments documents;
  private final AuditTrail audit;
  private final Seals seals;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final TenantTransactions tenants;
  private final String baseUrl;

  PrescriptionCopies(
      JdbcClient jdbc,
      Prescribing prescribing,
      PrescriptionRows rows,
      EncounterRows encounters,
      PrescriptionDocuments documents,
      AuditTrail audit,
      Seals seals,
      ApplicationEventPublisher events,
      Clock clock,
      TenantTransactions tenants,
      @Value("${carebook.base-url:http://localhost:8080}") String baseUrl) {
    this.jdbc = jdbc;
    this.seals = seals;
    this.prescribing = prescribing;
    this.rows = rows;
    this.encounters = encounters;
    this.documents = documents;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
    this.tenants = tenants;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /**
   * The patient asks for a copy of a finalized prescription (PATIENT_VIEW): a private link to it is
   * made and {@link PrescriptionCopyRequested} published for notifications to send; 409 before it
   * is final or once voided.
   */
  @Transactional
  public void send(UUID id) {
    var located = prescribing.get(id);
    var prescription = located.prescription();
    if (!prescription.finalized() || prescription.voided() != null) {
      throw new ProblemException(
          HttpStatus.CONFLICT,
          "prescription-not-finalized",
          "Only a finalized prescription in use can be sent.");
    }
    var token = Secrets.randomToken();
    var now = clock.instant();
    jdbc.sql(
            """
            insert into prescription_copy_links
              (tenant_id, token_hash, prescription_id, created_at, expires_at)
            values (?, ?, ?, ?, ?)""")
        .params(
            TenantContext.tenant().value(),
            Secrets.sha256(token),
            id,
            Timestamp.from(now),
            Timestamp.from(now.plus(VALID)))
        .update();
    events.publishEvent(
        new PrescriptionCopyRequested(
            TenantContext.tenant(),
            located.encounter().clinicId(),
            id,
            located.encounter().patientId(),
            VisitGate.actor(),
            now,
            seals.forOrganization("prescription-copy", baseUrl + "/verify/rx/copy/" + token)));
  }

  /**
   * The PDF behind a patient's link, in {@code language} if given; empty for an unknown or expired
   * link, or a prescription voided since. The read is in the access log.
   */
  public Optional<byte[]> pdf(String token, @Nullable Locale language) {
    if (token.length() > 100) {
      return Optional.empty();
    }
    return tenants
        .beforeTenant(
            () ->
                jdbc.sql("select tenant_id, prescription_id from prescription_copy_by_hash(?)")
                    .param(Secrets.sha256(token))
                    .query(
                        (rs, n) ->
                            new Found(
                                new TenantId(rs.getObject(1, UUID.class)),
                                rs.getObject(2, UUID.class)))
                    .optional())
        .flatMap(f -> read(f, language));
  }

  private record Found(TenantId tenant, UUID prescription) {}

  /** Reads and logs, as an anonymous reader in the prescription's organization and clinic. */
  private Optional<byte[]> read(Found found, @Nullable Locale language) {
    var clinicId =
        tenants.asVisitor(
            found.tenant(),
            null,
            () ->
                rows.find(found.prescription(), false)
                    .flatMap(p -> encounters.find(p.encounterId()))
                    .map(Encounter::clinicId));
    if (clinicId == null || clinicId.isEmpty()) {
      return Optional.empty();
    }
    return tenants.asVisitor(
        found.tenant(),
        clinicId.get(),
        () ->
            rows.find(found.prescription(), false)
                .filter(p -> p.finalized() && p.voided() == null)
                .map(
                    p -> {
                      var located =
                          new Prescribing.Located(
                              p, encounters.find(p.encounterId()).orElseThrow());
                      audit.viewedAnonymously(
                          "prescriptions",
                          p.id().toString(),
                          located.encounter().patientId(),
                          "patient's copy link");
                      return documents.pdf(located, language);
                    }));
  }
}
