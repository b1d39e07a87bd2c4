package io.carebook.billing;

import io.carebook.shared.ClinicId;
import io.carebook.shared.ProblemException;
import io.carebook.shared.TenantId;
import io.carebook.tenancy.Action;
import io.carebook.tenancy.ActorType;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.Permissions;
import io.carebook.tenancy.Plan;
import io.carebook.tenancy.SubscriptionStatus;
import io.carebook.tenancy.Subscriptions;
import io.carebook.tenancy.TenantContext;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
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
 * <p>Configuration: {@code carebook.stripe.secret-key}, {@code carebook.stripe.webhook-secret},
 * {@code carebook.stripe.price.GROWTH} (and STARTER, PRO), {@code carebook.stripe.api-base}.
 * Without them, checkout answers that online payment is not set up.
 */
@Service
public class StripeSubscriptions {

  static final long TOLERANCE_SECONDS = 300;
  private static final String PROVIDER = "STRIPE";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;
  private final Billing billing;
  private final org.springframework.context.ApplicationEventPublisher events;
  private final Subscriptions subscriptions;
  private final Organizations organizations;
  private final Permissions permissions;
  private final Environment environment;
  private final Clock clock;
  private final TransactionTemplate transaction;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String apiBase;
  private final String baseUrl;

  StripeSubscriptions(
      JdbcClient jdbc,
      Billing billing,
      org.springframework.context.ApplicationEventPublisher events,
      Subscriptions subscriptions,
      Organizations organizations,
      Permissions permissions,
      Environment environment,
      Clock clock,
      PlatformTransactionManager transactions,
      @Value("${carebook.stripe.api-base:https://api.stripe.com}") String apiBase,
      @Value("${carebook.base-url:http://localhost:8080}") String baseUrl) {
    this.jdbc = jdbc;
    this.billing = billing;
    this.events = events;
    this.subscriptions = subscriptions;
    this.organizations = organizations;
    this.permissions = permissions;
    this.environment = environment;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactions);
    this.apiBase = apiBase;
    this.baseUrl = baseUrl;
  }

  /** Whether checkout can be offered: a secret key and a price for the plan. */
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
    var invoice = billing.get(invoiceId);
    permissions.require(
        Action.PAYMENT_RECORD,
        invoice.visitId() == null
            ? io.carebook.shared.VisitState.NONE
            : io.carebook.shared.VisitState.DONE);
    if (invoice.status() != Invoice.Status.ISSUED || invoice.balance().minor() <= 0) {
      throw new ProblemException(
          HttpStatus.CONFLICT,
          "nothing-owed",
          "Only an issued invoice with something owed can be paid online.");
    }
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
    // published in a transaction of its own: the link exists once Stripe made it
    transaction.executeWithoutResult(
        s ->
            events.publishEvent(
                new PaymentLinkCreated(
                    clinic.tenantId(),
                    clinic.id(),
                    invoice.id(),
                    invoice.patientId(),
                    invoice.number(),
                    invoice.balance(),
                    url.toString())));
    return url;
  }

  /** An invoice's payment link was made, for notifications to send to the patient. */
  public record PaymentLinkCreated(
      TenantId tenantId,
      ClinicId clinicId,
      UUID invoiceId,
      UUID patientId,
      @Nullable String number,
      io.carebook.shared.Money amount,
      String url) {}

  /** What a received event did. */
  public enum Outcome {
    APPLIED,
    REPLAYED,
    STALE,
    IGNORED
  }

  /** Receives one event as Stripe sent it: verified, kept once, applied if newer. */
  public Outcome receive(String payload, @Nullable String signature) {
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
    var route = route(object);
    if (route.isEmpty()) {
      return Outcome.IGNORED; // not one of our clinics' subscriptions
    }
    var scope =
        new TenantContext.Scope(route.get().tenant(), route.get().clinic(), null, ActorType.SYSTEM);
    return TenantContext.call(
        scope,
        () -> transaction.execute(s -> apply(route.get().clinic(), id, type, created, object)));
  }

  private Outcome apply(ClinicId clinic, String id, String type, Instant created, JsonNode object) {
    var kept =
        jdbc.sql(
                """
                insert into platform_webhook_events (tenant_id, provider, event_id, type, created_at)
                values (?, ?, ?, ?, ?) on conflict do nothing""")
            .params(TenantContext.tenant().value(), PROVIDER, id, type, Timestamp.from(created))
            .update();
    if (kept == 0) {
      return Outcome.REPLAYED;
    }
    var invoice = text(object.path("metadata"), "invoice_id");
    if (invoice != null) { // a patient paid an invoice through a payment link
      if (type.equals("checkout.session.completed")
          && "paid".equals(object.path("payment_status").asString(""))) {
        billing.recordOnline(
            UUID.fromString(invoice), object.path("amount_total").asLong(0), text(object, "id"));
        return Outcome.APPLIED;
      }
      return Outcome.IGNORED;
    }
    jdbc.sql(
            """
            insert into platform_subscriptions (tenant_id, clinic_id, provider) values (?, ?, ?)
            on conflict (tenant_id, clinic_id) do nothing""")
        .params(TenantContext.tenant().value(), clinic.value(), PROVIDER)
        .update();
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
        return Outcome.APPLIED;
      }
      case "customer.subscription.created",
          "customer.subscription.updated",
          "customer.subscription.deleted" -> {
        var status = type.endsWith("deleted") ? "canceled" : object.path("status").asString("");
        return newer(clinic, created, text(object, "id"), status, plan)
            ? move(clinic, statusOf(status), plan)
            : Outcome.STALE;
      }
      case "invoice.paid", "invoice.payment_failed" -> {
        var status = type.equals("invoice.paid") ? "active" : "past_due";
        return newer(clinic, created, text(object, "subscription"), status, null)
            ? move(clinic, statusOf(status), null)
            : Outcome.STALE;
      }
      default -> {
        return Outcome.IGNORED;
      }
    }
  }

  /** Records the event as the subscription's latest if it is; false if a later one came first. */
  private boolean newer(
      ClinicId clinic,
      Instant created,
      @Nullable String subscription,
      String status,
      @Nullable Plan plan) {
    return jdbc.sql(
                """
                update platform_subscriptions set last_event_at = ?, provider_status = ?,
                  subscription_id = coalesce(?, subscription_id), plan = coalesce(?, plan),
                  updated_at = now()
                where clinic_id = ? and (last_event_at is null or last_event_at <= ?)""")
            .params(
                Timestamp.from(created),
                status,
                subscription,
                plan == null ? null : plan.name(),
                clinic.value(),
                Timestamp.from(created))
            .update()
        == 1;
  }

  private Outcome move(ClinicId clinic, @Nullable SubscriptionStatus status, @Nullable Plan plan) {
    if (status == null) {
      return Outcome.IGNORED; // incomplete: nothing paid yet, nothing changes
    }
    subscriptions.apply(clinic, status, plan);
    return Outcome.APPLIED;
  }

  private static @Nullable SubscriptionStatus statusOf(String stripe) {
    return switch (stripe) {
      case "active", "trialing" -> SubscriptionStatus.ACTIVE;
      case "past_due", "unpaid" -> SubscriptionStatus.PAST_DUE;
      case "canceled" -> SubscriptionStatus.CANCELED;
      case "incomplete_expired" -> SubscriptionStatus.EXPIRED;
      default -> null;
    };
  }

  private record Route(TenantId tenant, ClinicId clinic) {}

  private Optional<Route> route(JsonNode object) {
    var metadata = object.path("metadata");
    var tenant = text(metadata, "tenant_id");
    var clinic = text(metadata, "clinic_id");
    if (tenant != null && clinic != null) {
      try {
        return Optional.of(new Route(TenantId.of(tenant), ClinicId.of(clinic)));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
    var subscription = text(object, "subscription");
    if (subscription == null) {
      return Optional.empty();
    }
    return TenantContext.call(
        TenantContext.Scope.anonymous(),
        () ->
            transaction.execute(
                s ->
                    jdbc.sql("select * from platform_subscription_by_provider_id(?, ?)")
                        .params(PROVIDER, subscription)
                        .query(
                            (rs, n) ->
                                new Route(
                                    new TenantId(rs.getObject(1, UUID.class)),
                                    new ClinicId(rs.getObject(2, UUID.class))))
                        .optional()));
  }

  private @Nullable Plan planOf(JsonNode object) {
    var named = text(object.path("metadata"), "plan");
    if (named != null) {
      try {
        return Plan.valueOf(named.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        return null;
      }
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
    var expected = hmac(secret, timestamp + "." + payload);
    for (var signature : signatures) {
      if (MessageDigest.isEqual(
          expected.getBytes(StandardCharsets.US_ASCII),
          signature.getBytes(StandardCharsets.US_ASCII))) {
        return;
      }
    }
    throw badSignature();
  }

  /** The signature Stripe puts in {@code v1}: hex HMAC-SHA256 of {@code signed} with the secret. */
  static String hmac(String secret, String signed) {
    try {
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  private Optional<String> secret(String property) {
    return Optional.ofNullable(environment.getProperty(property)).filter(s -> !s.isBlank());
  }

  private Optional<String> price(Plan plan) {
    return secret("carebook.stripe.price." + plan.name());
  }

  private static @Nullable String text(JsonNode node, String field) {
    var value = node.path(field);
    return value.isString() && !value.asString().isBlank() ? value.asString() : null;
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
