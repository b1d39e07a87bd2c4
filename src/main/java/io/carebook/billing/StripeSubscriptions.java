package io.carebook.billing;

import io.carebook.shared.ClinicId;
import io.carebook.shared.Hmac;
import io.carebook.shared.ProblemException;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.Permissions;
import io.carebook.tenancy.Plan;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's subscriptions through Stripe: a hosted checkout per clinic and plan, then Stripe's
 * events move the clinic's subscription in {@code tenancy}.
 *
 * <p>Events are verified by their {@code Stripe-Signature} (HMAC-SHA256 of {@code
 * timestamp.payload} with the endpoint's secret, at most {@value #TOLERANCE_SECONDS} s old), kept
 * once per event id (a replay changes nothing), and applied only when newer than the last event
 * applied to that subscription, so events arriving out of order end in the right state. They find
 * their clinic by the metadata set at checkout, or by the subscription's id.
 *
 * <p>What does not depend on the provider is shared with Razorpay's {@link RazorpayPayments}: which
 * invoices may be paid online ({@link PaymentLinks}) and how events are kept and ordered ({@link
 * ProviderEvents}).
 *
 * <p>Configuration: {@code carebook.stripe.secret-key}, {@code carebook.stripe.webhook-secret},
 * {@code carebook.stripe.price.GROWTH} (and STARTER, PRO), {@code carebook.stripe.api-base}.
 * Without them, checkout answers that online payment is not set up.
 */
@Service
public class StripeSubscriptions {

  static final long TOLERANCE_SECONDS = 300;
  private static final String PROVIDER = "STRIPE";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final Logger log = LoggerFactory.getLogger(StripeSubscriptions.class);

  private final JdbcClient jdbc;
  private final Billing billing;
  private final Invoices invoices;
  private final PaymentLinks paymentLinks;
  private final ProviderEvents providerEvents;
  private final Organizations organizations;
  private final Permissions permissions;
  private final Environment environment;
  private final Clock clock;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String apiBase;
  private final String baseUrl;

  StripeSubscriptions(
      JdbcClient jdbc,
      Billing billing,
      Invoices invoices,
      PaymentLinks paymentLinks,
      ProviderEvents providerEvents,
      Organizations organizations,
      Permissions permissions,
      Environment environment,
      Clock clock,
      @Value("${carebook.stripe.api-base:https://api.stripe.com}") String apiBase,
      @Value("${carebook.base-url:http://localhost:8080}") String baseUrl) {
    this.jdbc = jdbc;
    this.billing = billing;
    this.invoices = invoices;
    this.paymentLinks = paymentLinks;
    this.providerEvents = providerEvents;
    this.organizations = organizations;
    this.permissions = permissions;
    this.environment = environment;
    this.clock = clock;
    this.apiBase = apiBase;
    this.baseUrl = baseUrl;
  }

  /** Whether Stripe's secret key is set on this server, so that patients can pay through it. */
  public boolean takesPayments() {
    return secret("carebook.stripe.secret-key").isPresent();
  }

  /** Whether checkout for {@code plan} can be offered: the key and a Stripe price for it. */
  public boolean offers(Plan plan) {
    return secret("carebook.stripe.secret-key").isPresent() && price(plan).isPresent();
  }

  /** A Stripe-hosted checkout for the active clinic to subscribe to {@code plan}: its address. */
  public URI checkout(Plan plan) {
    permissions.require(Action.SUBSCRIPTION_MANAGE);
    var key = secret("carebook.stripe.secret-key");
    var price = price(plan);
    if (key.isEmpty() || price.isEmpty()) {
      throw new ProblemException(
          HttpStatus.CONFLICT,
          "payments-not-configured",
          "Online payment of subscriptions is not set up on this server.");
    }
    var clinic = organizations.activeClinic();
    var form = new LinkedHashMap<String, String>();
    form.put("mode", "subscription");
    form.put("line_items[0][price]", price.get());
    form.put("line_items[0][quantity]", "1");
    form.put("client_reference_id", clinic.id().toString());
    form.put("success_url", baseUrl + "/billing/subscription?checkout=done");
    form.put("cancel_url", baseUrl + "/billing/subscription?checkout=canceled");
    for (var prefix : new String[] {"metadata", "subscription_data[metadata]"}) {
      form.put(prefix + "[tenant_id]", clinic.tenantId().toString());
      form.put(prefix + "[clinic_id]", clinic.id().toString());
      form.put(prefix + "[plan]", plan.name());
    }
    return createCheckout(key.get(), form);
  }

  private URI createCheckout(String key, Map<String, String> form) {
    var body =
        form.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    var request =
        HttpRequest.newBuilder(URI.create(apiBase + "/v1/checkout/sessions"))
            .timeout(Duration.ofSeconds(15))
            .header("Authorization", "Bearer " + key)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      var response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw providerFailed();
      }
      var url = JSON.readTree(response.body()).path("url").asString("");
      if (url.isEmpty()) {
        throw providerFailed();
      }
      return URI.create(url);
    } catch (IOException e) {
      throw providerFailed();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw providerFailed();
    }
  }

  /**
   * A Stripe-hosted page where the patient pays what an issued invoice of the active clinic still
   * owes: its address. The payment is recorded when Stripe's event says it was paid.
   */
  public URI paymentLink(UUID invoiceId) {
    var invoice = paymentLinks.payable(invoiceId);
    var key =
        secret("carebook.stripe.secret-key")
            .orElseThrow(
                () ->
                    new ProblemException(
                        HttpStatus.CONFLICT,
                        "payments-not-configured",
                        "Online payment is not set up on this server."));
    var clinic = organizations.activeClinic();
    var form = new LinkedHashMap<String, String>();
    form.put("mode", "payment");
    form.put("line_items[0][quantity]", "1");
    form.put(
        "line_items[0][price_data][currency]",
        invoice.total().currency().getCurrencyCode().toLowerCase(Locale.ROOT));
    form.put("line_items[0][price_data][unit_amount]", Long.toString(invoice.balance().minor()));
    form.put(
        "line_items[0][price_data][product_data][name]", clinic.name() + " · " + invoice.number());
    form.put("success_url", baseUrl + "/book/" + clinic.slug());
    form.put("cancel_url", baseUrl + "/book/" + clinic.slug());
    for (var prefix : new String[] {"metadata", "payment_intent_data[metadata]"}) {
      form.put(prefix + "[tenant_id]", clinic.tenantId().toString());
      form.put(prefix + "[clinic_id]", clinic.id().toString());
      form.put(prefix + "[invoice_id]", invoice.id().toString());
    }
    var url = createCheckout(key, form);
    paymentLinks.created(clinic, invoice, url);
    return url;
  }

  /** Receives one event as Stripe sent it: verified, kept once, applied if newer. */
  public EventOutcome receive(String payload, @Nullable String signature) {
    var secret =
        secret("carebook.stripe.webhook-secret")
            .orElseThrow(
                () ->
                    new ProblemException(
                        HttpStatus.NOT_FOUND, "not-found", "No payment provider is set up here."));
    verify(payload, signature, secret);
    JsonNode event;
    try {
      event = JSON.readTree(payload);
    } catch (RuntimeException e) {
      throw ProblemException.invalid("body", "is not a Stripe event");
    }
    var id = event.path("id").asString("");
    var type = event.path("type").asString("");
    var created = Instant.ofEpochSecond(event.path("created").asLong(0));
    var object = event.path("data").path("object");
    if (id.isEmpty() || type.isEmpty() || object.isMissingNode()) {
      throw ProblemException.invalid("body", "is not a Stripe event");
    }
    var route =
        ProviderEvents.routeByNotes(object.path("metadata"))
            .or(() -> providerEvents.routeBySubscription(PROVIDER, text(object, "subscription")));
    if (route.isEmpty()) {
      return EventOutcome.IGNORED; // not one of our clinics' subscriptions
    }
    return providerEvents.within(
        route.get(), () -> apply(route.get().clinic(), id, type, created, object));
  }

  /** A patient paid a payment link: recorded once per session, if it matches the invoice. */
  private EventOutcome paid(JsonNode session, String invoiceId) {
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
    var amount = session.path("amount_total").asLong(0);
    var currency = session.path("currency").asString("");
    if (!invoice.fitsOnlinePayment(amount, currency)) {
      log.warn(
          "Stripe payment {} for invoice {} does not match it ({} {}): not recorded",
          text(session, "id"),
          invoice.id(),
          amount,
          currency);
      return EventOutcome.MISMATCHED;
    }
    billing.recordOnline(invoice.id(), amount, text(session, "id"));
    return EventOutcome.APPLIED;
  }

  private EventOutcome apply(
      ClinicId clinic, String id, String type, Instant created, JsonNode object) {
    if (!providerEvents.keep(PROVIDER, id, type, created)) {
      return EventOutcome.REPLAYED;
    }
    var invoice = text(object.path("metadata"), "invoice_id");
    if (invoice != null) { // a patient paid an invoice through a payment link
      return type.equals("checkout.session.completed")
              && "paid".equals(object.path("payment_status").asString(""))
          ? paid(object, invoice)
          : EventOutcome.IGNORED;
    }
    providerEvents.open(clinic, PROVIDER);
    var plan = planOf(object);
    switch (type) {
      case "checkout.session.completed" -> {
        jdbc.sql(
                """
                update platform_subscriptions set customer_id = coalesce(?, customer_id),
                  subscription_id = coalesce(?, subscription_id), plan = coalesce(?, plan),
                  updated_at = now()
                where clinic_id = ?""")
            .params(
                text(object, "customer"),
                text(object, "subscription"),
                plan == null ? null : plan.name(),
                clinic.value())
            .update();
        return EventOutcome.APPLIED;
      }
      case "customer.subscription.created",
          "customer.subscription.updated",
          "customer.subscription.deleted" -> {
        var status = type.endsWith("deleted") ? "canceled" : object.path("status").asString("");
        return moveIfNewer(clinic, created, text(object, "id"), status, plan);
      }
      case "invoice.paid", "invoice.payment_failed" -> {
        var status = type.equals("invoice.paid") ? "active" : "past_due";
        return moveIfNewer(clinic, created, text(object, "subscription"), status, null);
      }
      default -> {
        return EventOutcome.IGNORED;
      }
    }
  }

  private EventOutcome moveIfNewer(
      ClinicId clinic,
      Instant created,
      @Nullable String subscription,
      String status,
      @Nullable Plan plan) {
    return providerEvents.newer(clinic, PROVIDER, created, subscription, status, plan)
        ? providerEvents.move(clinic, ProviderEvents.statusOf(status), plan)
        : EventOutcome.STALE;
  }

  private @Nullable Plan planOf(JsonNode object) {
    var named = text(object.path("metadata"), "plan");
    if (named != null) {
      return ProviderEvents.plan(named);
    }
    var price = text(object.path("items").path("data").path(0).path("price"), "id");
    if (price == null) {
      return null;
    }
    for (var plan : Plan.values()) {
      if (price(plan).filter(price::equals).isPresent()) {
        return plan;
      }
    }
    return null;
  }

  private void verify(String payload, @Nullable String header, String secret) {
    if (header == null || header.isBlank()) {
      throw badSignature();
    }
    long timestamp = -1;
    var signatures = new java.util.ArrayList<String>();
    for (var part : header.split(",")) {
      var pair = part.strip().split("=", 2);
      if (pair.length == 2 && pair[0].equals("t")) {
        try {
          timestamp = Long.parseLong(pair[1]);
        } catch (NumberFormatException e) {
          throw badSignature();
        }
      } else if (pair.length == 2 && pair[0].equals("v1")) {
        signatures.add(pair[1]);
      }
    }
    if (timestamp < 0
        || Math.abs(clock.instant().getEpochSecond() - timestamp) > TOLERANCE_SECONDS) {
      throw badSignature();
    }
    var expected = Hmac.sha256Hex(secret, timestamp + "." + payload);
    if (signatures.stream().noneMatch(signature -> Hmac.same(signature, expected))) {
      throw badSignature();
    }
  }

  private Optional<String> secret(String property) {
    return Optional.ofNullable(environment.getProperty(property)).filter(s -> !s.isBlank());
  }

  private Optional<String> price(Plan plan) {
    return secret("carebook.stripe.price." + plan.name());
  }

  private static @Nullable String text(JsonNode node, String field) {
    return ProviderEvents.text(node, field);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static ProblemException badSignature() {
    return new ProblemException(
        HttpStatus.UNAUTHORIZED, "bad-signature", "The request's signature does not match.");
  }

  private static ProblemException providerFailed() {
    return new ProblemException(
        HttpStatus.BAD_GATEWAY,
        "payment-provider-unavailable",
        "The payment provider did not answer; try again in a moment.");
  }
}
