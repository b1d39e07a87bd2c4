package io.carebook.billing;

import io.carebook.shared.ClinicId;
import io.carebook.shared.InvoiceId;
import io.carebook.shared.Money;
import io.carebook.shared.ProblemException;
import io.carebook.shared.Secrets;
import io.carebook.shared.TenantId;
import io.carebook.shared.TenantScoped;
import io.carebook.shared.VisitState;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Permissions;
import io.carebook.tenancy.SealedSecret;
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
 * The patient's copy of an invoice (with its payments, so also the receipt): a private link to its
 * PDF, sent by notifications on the patient's channel (e-mail, SMS or WhatsApp). Whoever holds the
 * link sees that one invoice and nothing else, for {@link #VALID}; its secret is stored hashed and
 * looked up through {@code invoice_link_by_hash}.
 */
@Service
public class InvoiceCopies {

  static final Duration VALID = Duration.ofDays(90);

  private final Seals seals;
  private final JdbcClient jdbc;
  private final Billing billing;
  private final Invoices invoices;
  private final InvoiceDocuments documents;
  private final Permissions permissions;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final TenantTransactions tenants;
  private final io.carebook.audit.AuditTrail audit;
  private final String baseUrl;

  InvoiceCopies(
      Seals seals,
      JdbcClient jdbc,
      Billing billing,
      Invoices invoices,
      InvoiceDocuments documents,
      Permissions permissions,
      ApplicationEventPublisher events,
      Clock clock,
      TenantTransactions tenants,
      io.carebook.audit.AuditTrail audit,
      @Value("${carebook.base-url:http://localhost:8080}") String baseUrl) {
    this.seals = seals;
    this.audit = audit;
    this.jdbc = jdbc;
    this.billing = billing;
    this.invoices = invoices;
    this.documents = documents;
    this.permissions = permissions;
    this.events = events;
    this.clock = clock;
    this.tenants = tenants;
    this.baseUrl = baseUrl;
  }

  /**
   * Notifications sends {@code url} (the invoice's PDF, a link anyone holding it can open) to the
   * patient; sealed, as the event is stored.
   */
  public record InvoiceCopyRequested(
      TenantId tenantId,
      ClinicId clinicId,
      InvoiceId invoiceId,
      UUID patientId,
      String number,
      Money total,
      SealedSecret url)
      implements TenantScoped {}

  /**
   * Sends the patient a link to an issued (or voided) invoice of the active clinic: the invoice and
   * receipt in one PDF. Needs the permission to take payments. Answers the link.
   */
  @Transactional
  public String send(UUID invoiceId) {
    var invoice = billing.get(invoiceId);
    permissions.require(
        Action.PAYMENT_RECORD, invoice.visitId() == null ? VisitState.NONE : VisitState.DONE);
    if (invoice.status() == Invoice.Status.DRAFT || invoice.number() == null) {
      throw new ProblemException(
          HttpStatus.CONFLICT, "invoice-not-issued", "Only an issued invoice can be sent.");
    }
    var token = Secrets.randomToken();
    var now = clock.instant();
    jdbc.sql(
            """
            insert into invoice_links (tenant_id, token_hash, invoice_id, created_at, expires_at)
            values (?, ?, ?, ?, ?)""")
        .params(
            TenantContext.tenant().value(),
            Secrets.sha256(token),
            invoiceId,
            Timestamp.from(now),
            Timestamp.from(now.plus(VALID)))
        .update();
    var url = baseUrl + "/receipts/" + token;
    events.publishEvent(
        new InvoiceCopyRequested(
            TenantContext.tenant(),
            invoice.clinicId(),
            new InvoiceId(invoiceId),
            invoice.patientId(),
            invoice.number(),
            invoice.total(),
            seals.forOrganization("receipt-link", url)));
    return url;
  }

  /**
   * The PDF behind a link, in {@code language} if given; empty for an unknown or expired link. Each
   * read is in the access log, by an anonymous reader (whoever holds the link) from their address.
   */
  public Optional<byte[]> pdf(String token, @Nullable Locale language) {
    if (token.length() > 100) {
      return Optional.empty();
    }
    var found =
        tenants.readOnly(
            TenantContext.Scope.anonymous(),
            () ->
                jdbc.sql("select tenant_id, invoice_id from invoice_link_by_hash(?)")
                    .param(Secrets.sha256(token))
                    .query(
                        (rs, n) ->
                            new Found(
                                new TenantId(rs.getObject(1, UUID.class)),
                                rs.getObject(2, UUID.class)))
                    .optional());
    return found.flatMap(
        f ->
            tenants.asVisitor(
                f.tenant(),
                null,
                () ->
                    invoices
                        .find(f.invoice())
                        .filter(i -> i.status() != Invoice.Status.DRAFT)
                        .map(
                            i -> {
                              audit.viewedAnonymously(
                                  "invoices", i.id().toString(), i.patientId(), "receipt link");
                              return documents.render(i, language);
                            })));
  }

  private record Found(TenantId tenant, UUID invoice) {}
}
