package io.carebook.billing;

import io.carebook.shared.ClinicId;
import io.carebook.shared.Hmac;
import io.carebook.shared.ProblemException;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.Permissions;
import io.carebook.tenancy.Plan;
import java.net.URI;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Patients' invoices and the platform's subscriptions paid through Razorpay, which Indian clinics
 * use: a hosted Payment Link per invoice, a hosted subscription per clinic and plan, and Razorpay's
 * events recording the payment or moving the clinic's subscription in {@code tenancy} as Stripe's
 * do.
 *
 * <p>Events are verified by {@code X-Razorpay-Signature} (hex HMAC-SHA256 of the raw body with the
 * webhook secret), kept once per signed body (Razorpay resends an event with the same body, so a
 * replay changes nothing; the unsigned {@code x-razorpay-event-id} header is not trusted to tell
 * events apart), and applied to a subscription only when newer, by their {@code created_at}, than
 * the last event applied to it. A paid link is recorded only if its currency is the invoice's and
 * its amount is the one the link asked for and not more than the invoice's total; otherwise it is
 * left to staff ({@link EventOutcome#MISMATCHED}, logged).
 *
 * <p>Configuration: {@code carebook.razorpay.key-id}, {@code carebook.razorpay.key-secret}, {@code
 * carebook.razorpay.webhook-secret}, {@code carebook.razorpay.plan.GROWTH} (and STARTER, PRO:
 * Razorpay plan ids), {@code carebook.razorpay.api-base}.
 */
@Service
public class RazorpayPayments {

  private static final Logger log = LoggerFactory.getLogger(RazorpayPayments.class);
  private static final String PROVIDER = "RAZORPAY";

  private final RazorpayClient razorpay;
  private final PaymentLinks paymentLinks;
  private final ProviderEvents providerEvents;
  private final Billing billing;
  private final Invoices invoices;
  private final Organizations organizations;
  private final Permissions permissions;
  private final String baseUrl;
  private final int cycles;

  RazorpayPayments(
      RazorpayClient razorpay,
      PaymentLinks paymentLinks,
      ProviderEvents providerEvents,
      Billing billing,
      Invoices invoices,
      Organizations organizations,
      Permissions permissions,
      @Value("${carebook.base-url:http://localhost:8080}") String baseUrl,
      @Value("${carebook.razorpay.total-count:120}") int cycles) {
    this.razorpay = razorpay;
    this.paymentLinks = paymentLinks;
    this.providerEvents = providerEvents;
    this.billing = billing;
    this.invoices = invoices;
    this.organizations = organizations;
    this.permissions = permissions;
    this.baseUrl = baseUrl;
    this.cycles = cycles;
  }

  /** Whether Razorpay's keys are set on this server. */
  public boolean configured() {
    return razorpay.configured();
  }

  /** Whether checkout for {@code plan} can be offered: keys and a Razorpay plan id for it. */
  public boolean offers(Plan plan) {
    return configured() && planId(plan) != null;
  }

  /** A Razorpay-hosted subscription for the active clinic to {@code plan}: its address. */
  public URI checkout(Plan plan) {
    permissions.require(Action.SUBSCRIPTION_MANAGE);
    var planId = planId(plan);
    if (!configured() || planId == null) {
      throw RazorpayClient.notConfigured();
    }
    var clinic = organizations.activeClinic();
    var body = new LinkedHashMap<String, Object>();
    body.put("plan_id", planId);
    body.put("total_count", cycles); // Razorpay needs an end: monthly plans run this many months
    body.put("quantity", 1);
    body.put("customer_notify", true);
    body.put(
        "notes",
        Map.of(
            "tenant_id", clinic.tenantId().toString(),
            "clinic_id", clinic.id().toString(),
            "plan", plan.name()));
    return razorpay.create("/v1/subscriptions", body);
  }

  /**
   * A Razorpay Payment Link where the patient pays what an issued invoice of the active clinic
   * still owes: its address, also sent to the patient. The payment is recorded when Razorpay's
   * {@code payment_link.paid} event says it was paid.
   */
  public URI paymentLink(UUID invoiceId) {
    var invoice = paymentLinks.payable(invoiceId);
    if (!configured()) {
      throw RazorpayClient.notConfigured();
    }
    var clinic = organizations.activeClinic();
    var number = invoice.number() == null ? "invoice" : invoice.number();
    var body = new LinkedHashMap<String, Object>();
    body.put("amount", invoice.balance().minor());
    body.put("currency", invoice.total().currency().getCurrencyCode());
    body.put("accept_partial", false);
    // unique per link (Razorpay refuses a reused one), at most 40 characters
    body.put("reference_id", reference(number));
    body.put("description", clinic.name() + " · " + number);
    body.put("notify", Map.of("sms", false, "email", false)); // Carebook sends it on its channel
    body.put("reminder_enable", false);
    body.put("callback_url", baseUrl + "/book/" + clinic.slug());
    body.put("callback_method", "get");
    body.put(
        "notes",
        Map.of(
            "tenant_id", clinic.tenantId().toString(),
            "clinic_id", clinic.id().toString(),
            "invoice_id", invoice.id().toString()));
    var url = razorpay.create("/v1/payment_links", body);
    paymentLinks.created(clinic, invoice, url);
    return url;
  }

  private static String reference(String number) {
    var suffix = Long.toString(System.currentTimeMillis(), 36);
    var head = number.length() > 30 ? number.substring(0, 30) : number;
    return head + "-" + suffix;
  }

  /**
   * Receives one event as Razorpay sent it: verified, kept once, applied if newer. Without a
   * webhook secret there is nothing to verify with, and the endpoint is not there.
   */
  public EventOutcome receive(byte[] payload, @Nullable String signature) {
    var secret =
        razorpay
            .setting("webhook-secret")
            .orElseThrow(
                () ->
                    new ProblemException(
                        HttpStatus.NOT_FOUND, "not-found", "No payment provider is set up here."));
    var expected = HexFormat.of().formatHex(Hmac.sha256(secret, payload));
    if (signature == null || !Hmac.same(signature, expected)) {
      throw new ProblemException(
          HttpStatus.UNAUTHORIZED, "bad-signature", "The request's signature does not match.");
    }
    var event = RazorpayEvent.parse(payload);
    if (!event.entity().isObject()) {
      return EventOutcome.IGNORED; // an event of a kind Carebook does not read
    }
    var route =
        ProviderEvents.routeByNotes(event.entity().path("notes"))
            .or(() -> providerEvents.routeBySubscription(PROVIDER, event.subscriptionId()));
    if (route.isEmpty()) {
      return EventOutcome.IGNORED; // not one of our clinics
    }
    return providerEvents.within(route.get(), () -> apply(route.get().clinic(), event));
  }

  private EventOutcome apply(ClinicId clinic, RazorpayEvent event) {
    if (!providerEvents.keep(PROVIDER, event.id(), event.type(), event.created())) {
      return EventOutcome.REPLAYED;
    }
    if (event.type().equals("payment_link.paid")) {
      return paid(event);
    }
    var status = event.subscriptionStatus();
    if (status == null) {
      return EventOutcome.IGNORED; // created, authenticated, paused…: nothing paid or lost yet
    }
    providerEvents.open(clinic, PROVIDER);
    var plan = planOf(event.entity());
    return providerEvents.newer(
            clinic, PROVIDER, event.created(), event.subscriptionId(), status, plan)
        ? providerEvents.move(clinic, ProviderEvents.statusOf(status), plan)
        : EventOutcome.STALE;
  }

  /** A patient paid a link: recorded once per Razorpay payment, if it matches the invoice. */
  private EventOutcome paid(RazorpayEvent event) {
    var link = event.entity();
    var payment = event.payment();
    var invoiceId = ProviderEvents.text(link.path("notes"), "invoice_id");
    var reference = ProviderEvents.text(payment, "id");
    if (invoiceId == null || reference == null) {
      return EventOutcome.IGNORED;
    }
    UUID id;
    try {
      id = UUID.fromString(invoiceId);
    } catch (IllegalArgumentException e) {
      return EventOutcome.IGNORED;
    }
    var invoice = invoices.find(id).orElse(null);
    if (invoice == null) {
      return EventOutcome.IGNORED;
    }
    var amount = payment.path("amount").asLong(0);
    var currency = payment.path("currency").asString("").toUpperCase(Locale.ROOT);
    if (!invoice.fitsOnlinePayment(amount, currency) || amount != link.path("amount").asLong(-1)) {
      log.warn(
          "Razorpay payment {} for invoice {} does not match it ({} {}): not recorded",
          reference,
          invoice.id(),
          amount,
          currency);
      return EventOutcome.MISMATCHED;
    }
    billing.recordOnline(invoice.id(), amount, reference, "Razorpay");
    return EventOutcome.APPLIED;
  }

  private @Nullable Plan planOf(JsonNode subscription) {
    var named = ProviderEvents.plan(ProviderEvents.text(subscription.path("notes"), "plan"));
    if (named != null) {
      return named;
    }
    var planId = ProviderEvents.text(subscription, "plan_id");
    for (var plan : Plan.values()) {
      if (planId != null && planId.equals(planId(plan))) {
        return plan;
      }
    }
    return null;
  }

  private @Nullable String planId(Plan plan) {
    return razorpay.setting("plan." + plan.name()).orElse(null);
  }
}
