package io.carebook.billing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.TestOrganizations;
import io.carebook.notifications.FakeProviders;
import io.carebook.shared.Hmac;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.TenantContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * Indian clinics pay through Razorpay, faked at the wire: a patient's invoice through a Payment
 * Link, the clinic's subscription through Razorpay Subscriptions. Razorpay's signed events record
 * the payment once (and only if it matches the invoice) and move the subscription, replays change
 * nothing, and events arriving out of order end in the right state.
 */
class RazorpayTests extends FakeProviders {

  private static final String SECRET = "rzp_whsec_carebook";

  @Autowired TestOrganizations organizations;
  @Autowired Organizations orgs;
  @Autowired Environment environment;
  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newHttpClient();

  private TestOrganizations.Owner indianClinic(Api api) {
    return organizations.signUp(api, "IN", "Asia/Kolkata", "INR");
  }

  private HttpResponse<String> send(String payload, @Nullable String signature, String eventId)
      throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/webhooks/razorpay"))
            .header("Content-Type", "application/json")
            .header("X-Razorpay-Event-Id", eventId)
            .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8));
    if (signature != null) {
      request.header("X-Razorpay-Signature", signature);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> signed(String payload, String eventId) throws Exception {
    return send(payload, Hmac.sha256Hex(SECRET, payload), eventId);
  }

  private HttpResponse<String> signed(String payload) throws Exception {
    return signed(payload, "evt_" + UUID.randomUUID());
  }

  private static String subscriptionEvent(
      TestOrganizations.Owner owner, String type, long created, boolean withNotes) {
    var notes =
        withNotes
            ? """
              {"tenant_id": "%s", "clinic_id": "%s", "plan": "GROWTH"}"""
                .formatted(owner.tenant(), owner.clinic())
            : "[]";
    return """
        {"entity": "event", "account_id": "acc_carebook", "event": "%s",
         "contains": ["subscription"], "created_at": %d,
         "payload": {"subscription": {"entity": {"id": "sub_%s", "entity": "subscription",
           "plan_id": "plan_growth_monthly", "status": "active", "notes": %s}}}}"""
        .formatted(type, created, owner.clinic().value().toString().substring(0, 14), notes);
  }

  private static String paidEvent(
      TestOrganizations.Owner owner, String invoice, long amount, String currency, String pay) {
    return paidEvent(owner, invoice, amount, amount, currency, pay);
  }

  /** A paid link that asked for {@code asked} and took {@code amount}. */
  private static String paidEvent(
      TestOrganizations.Owner owner,
      String invoice,
      long asked,
      long amount,
      String currency,
      String pay) {
    return """
        {"entity": "event", "account_id": "acc_carebook", "event": "payment_link.paid",
         "contains": ["payment_link", "order", "payment"], "created_at": %d,
         "payload": {
           "payment_link": {"entity": {"id": "plink_1", "amount": %d, "amount_paid": %d,
             "currency": "%s", "status": "paid", "reference_id": "INV-1",
             "notes": {"tenant_id": "%s", "clinic_id": "%s", "invoice_id": "%s"}}},
           "order": {"entity": {"id": "order_1", "amount": %d, "status": "paid"}},
           "payment": {"entity": {"id": "%s", "entity": "payment", "amount": %d,
             "currency": "%s", "status": "captured", "method": "upi"}}}}"""
        .formatted(
            Instant.now().getEpochSecond(),
            asked,
            amount,
            currency,
            owner.tenant(),
            owner.clinic(),
            invoice,
            amount,
            pay,
            amount,
            currency);
  }

  private String status(TestOrganizations.Owner owner) {
    return TenantContext.call(
        TenantContext.Scope.system(owner.tenant()),
        () -> orgs.find(owner.clinic()).orElseThrow().subscriptionStatus().name());
  }

  /** An issued invoice of 400.00 with 150.00 paid in cash: 250.00 owed. */
  private static String owedInvoice(Api desk) {
    var patient =
        desk.post("/api/v1/patients", Map.of("fullName", "Online Payer", "phone", "+919812345678"))
            .text("id");
    var invoice = desk.post("/api/v1/invoices", Map.of("patientId", patient)).text("id");
    var path = "/api/v1/invoices/" + invoice;
    desk.post(path + "/lines", Map.of("description", "Consultation", "unitPrice", "400"));
    desk.post(path + "/issue", Map.of());
    desk.post(path + "/payments", Map.of("method", "CASH", "amount", "150"));
    return invoice;
  }

  @Test
  void aPatientPaysAnInvoiceThroughARazorpayPaymentLinkOnce() throws Exception {
    PROVIDERS.stubFor(
        post(urlEqualTo("/v1/payment_links"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"id\": \"plink_1\", \"status\": \"created\","
                            + " \"short_url\": \"https://rzp.io/i/carebook1\"}")));
    var api = new Api(port);
    var owner = indianClinic(api);
    var desk = api.as(owner.token());
    var invoice = owedInvoice(desk);
    var path = "/api/v1/invoices/" + invoice;

    var link = desk.post(path + "/payment-link", Map.of());
    assertThat(link.status()).as(link.body().toString()).isEqualTo(200);
    assertThat(link.text("url")).isEqualTo("https://rzp.io/i/carebook1");
    var credentials =
        Base64.getEncoder()
            .encodeToString(
                "rzp_test_carebook:rzp_secret_carebook".getBytes(StandardCharsets.UTF_8));
    PROVIDERS.verify(
        postRequestedFor(urlEqualTo("/v1/payment_links"))
            .withHeader("Authorization", equalTo("Basic " + credentials))
            .withRequestBody(matchingJsonPath("$.amount", equalTo("25000")))
            .withRequestBody(matchingJsonPath("$.currency", equalTo("INR")))
            .withRequestBody(matchingJsonPath("$.accept_partial", equalTo("false")))
            .withRequestBody(matchingJsonPath("$.reference_id"))
            .withRequestBody(matchingJsonPath("$.notes.invoice_id", equalTo(invoice)))
            .withRequestBody(
                matchingJsonPath("$.notes.clinic_id", equalTo(owner.clinic().toString()))));
    assertThat(messages(owner, "PAYMENT_LINK")).as("sent to the patient").isEqualTo(1);

    var payment = "pay_" + UUID.randomUUID();
    var paid = paidEvent(owner, invoice, 25000, "INR", payment);
    var eventId = "evt_" + UUID.randomUUID();
    assertThat(signed(paid, eventId).body()).contains("APPLIED");
    var shown = desk.get(path);
    assertThat(shown.body().path("paid").path("amount").asText()).isEqualTo("400.00");
    assertThat(shown.body().path("payments").size()).isEqualTo(2);
    var online = shown.body().path("payments").path(1);
    assertThat(online.path("method").asText()).isEqualTo("ONLINE");
    assertThat(online.path("methodNote").asText()).isEqualTo("Razorpay");
    assertThat(online.path("reference").asText()).isEqualTo(payment);
    // Razorpay retrying the same event, or the same signed body under another event id header
    assertThat(signed(paid, eventId).body()).contains("REPLAYED");
    assertThat(signed(paid).body()).contains("REPLAYED");
    assertThat(desk.get(path).body().path("payments").size()).isEqualTo(2);
  }

  @Test
  void aPaymentThatDoesNotMatchItsInvoiceIsNotRecorded() throws Exception {
    var api = new Api(port);
    var owner = indianClinic(api);
    var desk = api.as(owner.token());
    var invoice = owedInvoice(desk);
    var path = "/api/v1/invoices/" + invoice;

    var dollars = paidEvent(owner, invoice, 25000, "USD", "pay_" + UUID.randomUUID());
    assertThat(signed(dollars).body()).contains("MISMATCHED");
    var tooMuch = paidEvent(owner, invoice, 90000, "INR", "pay_" + UUID.randomUUID());
    assertThat(signed(tooMuch).body()).contains("MISMATCHED");
    var partial = paidEvent(owner, invoice, 25000, 100, "INR", "pay_" + UUID.randomUUID());
    assertThat(signed(partial).body()).as("less than the link asked").contains("MISMATCHED");
    assertThat(desk.get(path).body().path("payments").size()).as("the cash only").isEqualTo(1);
  }

  @Test
  void unsignedOrForgedEventsAreRefused() throws Exception {
    var api = new Api(port);
    var owner = indianClinic(api);
    var now = Instant.now().getEpochSecond();
    var active = subscriptionEvent(owner, "subscription.activated", now, true);

    var forged = send(active, Hmac.sha256Hex("not-the-secret", active), "evt_forged");
    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(forged.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(forged.body()).contains("/problems/bad-signature");
    assertThat(send(active, null, "evt_unsigned").statusCode()).isEqualTo(401);
    assertThat(send(active, "", "evt_blank").statusCode()).isEqualTo(401);
    var tampered = active.replace("subscription.activated", "subscription.cancelled");
    assertThat(send(tampered, Hmac.sha256Hex(SECRET, active), "evt_t").statusCode()).isEqualTo(401);
    assertThat(signed("not json").statusCode()).as("signed but not an event").isEqualTo(400);
    var other =
        """
        {"entity": "event", "event": "payment.captured", "contains": ["payment"], "created_at": %d,
         "payload": {"payment": {"entity": {"id": "pay_other", "amount": 100}}}}"""
            .formatted(now);
    var elsewhere =
        active
            .replace(owner.tenant().toString(), UUID.randomUUID().toString())
            .replace(owner.clinic().toString(), UUID.randomUUID().toString());
    var notOurs = signed(elsewhere);
    assertThat(notOurs.statusCode()).as("a clinic this server does not have").isEqualTo(200);
    assertThat(notOurs.body()).contains("IGNORED");
    var ignored = signed(other);
    assertThat(ignored.statusCode()).as("an event Carebook does not read").isEqualTo(200);
    assertThat(ignored.body()).contains("IGNORED");
    assertThat(status(owner)).isEqualTo("TRIAL");
  }

  @Test
  void checkoutSubscribesAnIndianClinicThroughRazorpay() {
    PROVIDERS.stubFor(
        post(urlEqualTo("/v1/subscriptions"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"id\": \"sub_new\", \"status\": \"created\","
                            + " \"short_url\": \"https://rzp.io/i/sub_new\"}")));
    PROVIDERS.stubFor(
        post(urlEqualTo("/v1/checkout/sessions"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"id\": \"cs_in\", \"url\": \"https://checkout.stripe.test/c/in\"}")));
    var api = new Api(port);
    var owner = indianClinic(api);
    var manage = api.as(owner.token());

    var checkout = manage.post("/api/v1/subscription/checkout", Map.of("plan", "GROWTH"));
    assertThat(checkout.status()).as(checkout.body().toString()).isEqualTo(200);
    assertThat(checkout.text("url")).isEqualTo("https://rzp.io/i/sub_new");
    PROVIDERS.verify(
        postRequestedFor(urlEqualTo("/v1/subscriptions"))
            .withRequestBody(matchingJsonPath("$.plan_id", equalTo("plan_growth_monthly")))
            .withRequestBody(matchingJsonPath("$.total_count", equalTo("120")))
            .withRequestBody(
                matchingJsonPath("$.notes.clinic_id", equalTo(owner.clinic().toString())))
            .withRequestBody(matchingJsonPath("$.notes.plan", equalTo("GROWTH"))));

    var stripe =
        manage.post(
            "/api/v1/subscription/checkout", Map.of("plan", "GROWTH", "provider", "stripe"));
    assertThat(stripe.text("url"))
        .as("asked for by name")
        .isEqualTo("https://checkout.stripe.test/c/in");
    var pro =
        manage.post("/api/v1/subscription/checkout", Map.of("plan", "PRO", "provider", "RAZORPAY"));
    assertThat(pro.status()).as("no Razorpay plan for PRO").isEqualTo(409);
    assertThat(pro.text("type")).isEqualTo("/problems/payments-not-configured");
    var unknown =
        manage.post(
            "/api/v1/subscription/checkout", Map.of("plan", "GROWTH", "provider", "PAYPAL"));
    assertThat(unknown.status()).isEqualTo(400);
  }

  @Test
  void theSubscriptionPageOffersRazorpayFirstToAnIndianClinic() {
    var hosted = PROVIDERS.baseUrl() + "/hosted/razorpay-subscription";
    PROVIDERS.stubFor(
        post(urlEqualTo("/v1/subscriptions"))
            .withRequestBody(matchingJsonPath("$.plan_id", equalTo("plan_growth_monthly")))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"id\": \"sub_page\", \"short_url\": \"" + hosted + "\"}")));
    PROVIDERS.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.get(
                urlEqualTo("/hosted/razorpay-subscription"))
            .willReturn(aResponse().withBody("Razorpay's subscription page")));
    var owner = indianClinic(new Api(port));
    var web =
        io.carebook.WebSession.signIn(
            port, owner.email(), TestOrganizations.PASSWORD, owner.app().nextCode());

    var page = web.get("/billing/subscription").body();
    assertThat(page).contains("name=\"provider\" value=\"RAZORPAY\"");
    assertThat(page.indexOf("value=\"RAZORPAY\""))
        .as("Razorpay first, by default")
        .isLessThan(page.indexOf("value=\"STRIPE\""));
    assertThat(page).contains("Or pay by card through Stripe");
    var checkout =
        web.post(
            "/billing/subscription",
            "/billing/subscription/checkout",
            "plan=GROWTH&provider=RAZORPAY");
    assertThat(checkout.uri().toString()).isEqualTo(hosted);
    assertThat(checkout.body()).isEqualTo("Razorpay's subscription page");
  }

  @Test
  void razorpayEventsMoveTheSubscriptionOnceAndInOrder() throws Exception {
    var api = new Api(port);
    var owner = indianClinic(api);
    var now = Instant.now().getEpochSecond();
    assertThat(status(owner)).isEqualTo("TRIAL");

    var authenticated = subscriptionEvent(owner, "subscription.authenticated", now - 90, true);
    assertThat(signed(authenticated).body()).as("nothing paid yet").contains("IGNORED");
    assertThat(status(owner)).isEqualTo("TRIAL");
    var activated = subscriptionEvent(owner, "subscription.activated", now - 60, true);
    var eventId = "evt_" + UUID.randomUUID();
    var applied = signed(activated, eventId);
    assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
    assertThat(applied.body()).contains("APPLIED");
    assertThat(status(owner)).isEqualTo("ACTIVE");
    var shown = api.as(owner.token()).get("/api/v1/subscription");
    assertThat(shown.text("plan")).isEqualTo("GROWTH");
    assertThat(signed(activated, eventId).body()).contains("REPLAYED");

    // a charge fails (newer), then a late "charged" from before arrives: past due it stays
    var pending = subscriptionEvent(owner, "subscription.pending", now - 10, true);
    assertThat(signed(pending).body()).contains("APPLIED");
    var late = subscriptionEvent(owner, "subscription.charged", now - 30, true);
    assertThat(signed(late).body()).contains("STALE");
    assertThat(status(owner)).isEqualTo("PAST_DUE");

    // an event without notes finds the clinic by its subscription's id
    var charged = subscriptionEvent(owner, "subscription.charged", now - 5, false);
    assertThat(signed(charged).body()).contains("APPLIED");
    assertThat(status(owner)).isEqualTo("ACTIVE");

    var cancelled = subscriptionEvent(owner, "subscription.cancelled", now, true);
    assertThat(signed(cancelled).body()).contains("APPLIED");
    assertThat(status(owner)).isEqualTo("CANCELED");
    var refused =
        api.as(owner.token()).post("/api/v1/patients", Map.of("fullName", "After Cancel"));
    assertThat(refused.status()).isEqualTo(403);
  }

  @Test
  void razorpayReplayWithAnotherEventIdHeaderIsIgnored() throws Exception {
    var api = new Api(port);
    var owner = indianClinic(api);
    var second = Instant.now().getEpochSecond() - 60;
    var charged = subscriptionEvent(owner, "subscription.charged", second, true);
    assertThat(signed(charged, "evt_first").body()).contains("APPLIED");
    var cancelled = subscriptionEvent(owner, "subscription.cancelled", second, true);
    assertThat(signed(cancelled).body()).contains("APPLIED");
    assertThat(status(owner)).isEqualTo("CANCELED");

    // a captured body sent again under a made-up event id header: the signature covers the body
    // only, so the body is what identifies the event
    var replayed = signed(charged, "evt_" + UUID.randomUUID());
    assertThat(replayed.statusCode()).isEqualTo(200);
    assertThat(replayed.body()).contains("REPLAYED");
    assertThat(status(owner)).isEqualTo("CANCELED");
  }

  private long messages(TestOrganizations.Owner owner, String kind) {
    return Outbox.count(environment, owner.tenant(), kind);
  }
}
