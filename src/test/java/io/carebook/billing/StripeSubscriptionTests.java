package io.carebook.billing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.carebook.Api;
import io.carebook.TestOrganizations;
import io.carebook.notifications.FakeProviders;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.Subscriptions;
import io.carebook.tenancy.TenantContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * The platform bills a clinic through Stripe, faked at the wire: checkout sends the owner to
 * Stripe's hosted page; Stripe's signed events move the clinic's subscription, replays change
 * nothing, and events arriving out of order end in the right state.
 */
class StripeSubscriptionTests extends FakeProviders {

  private static final String SECRET = "whsec_test_carebook";

  @Autowired TestOrganizations organizations;
  @Autowired Organizations orgs;
  @Autowired Subscriptions subscriptions;
  @Autowired Environment environment;
  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> send(String payload, String signature) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/webhooks/stripe"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(payload));
    if (signature != null) {
      request.header("Stripe-Signature", signature);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> signed(String payload) throws Exception {
    var t = Instant.now().getEpochSecond();
    return send(
        payload, "t=" + t + ",v1=" + io.carebook.shared.Hmac.sha256Hex(SECRET, t + "." + payload));
  }

  private static String subscriptionEvent(
      TestOrganizations.Owner owner, String type, String status, long created) {
    return """
        {"id": "evt_%s", "type": "%s", "created": %d, "data": {"object": {
          "id": "sub_%s", "object": "subscription", "status": "%s", "customer": "cus_1",
          "metadata": {"tenant_id": "%s", "clinic_id": "%s", "plan": "GROWTH"}}}}"""
        .formatted(
            UUID.randomUUID(),
            type,
            created,
            owner.clinic(),
            status,
            owner.tenant(),
            owner.clinic());
  }

  private String status(TestOrganizations.Owner owner) {
    return TenantContext.call(
        TenantContext.Scope.system(owner.tenant()),
        () -> orgs.find(owner.clinic()).orElseThrow().subscriptionStatus().name());
  }

  @Test
  void checkoutSendsTheOwnerToStripesHostedPage() {
    PROVIDERS.stubFor(
        post(urlEqualTo("/v1/checkout/sessions"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"id\": \"cs_test_1\", \"url\": \"https://checkout.stripe.test/c/cs_test_1\"}")));
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var answer =
        api.as(owner.token()).post("/api/v1/subscription/checkout", Map.of("plan", "GROWTH"));
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
    assertThat(answer.text("url")).isEqualTo("https://checkout.stripe.test/c/cs_test_1");
    PROVIDERS.verify(
        postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
            .withHeader("Authorization", equalTo("Bearer sk_test_carebook"))
            .withRequestBody(containing("line_items%5B0%5D%5Bprice%5D=price_growth_monthly"))
            .withRequestBody(containing("metadata%5Bclinic_id%5D=" + owner.clinic())));
    var starter =
        api.as(owner.token()).post("/api/v1/subscription/checkout", Map.of("plan", "STARTER"));
    assertThat(starter.status()).isEqualTo(409);
    assertThat(starter.text("type")).isEqualTo("/problems/payments-not-configured");
    var receptionist = api.as(organizations.join(api, owner, "RECEPTIONIST").token());
    assertThat(
            receptionist.post("/api/v1/subscription/checkout", Map.of("plan", "GROWTH")).status())
        .isEqualTo(403);
  }

  @Test
  void aPatientPaysAnInvoiceThroughAPaymentLink() throws Exception {
    PROVIDERS.stubFor(
        post(urlEqualTo("/v1/checkout/sessions"))
            .withRequestBody(containing("mode=payment"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"id\": \"cs_pay_1\", \"url\": \"https://checkout.stripe.test/c/pay_1\"}")));
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var patient =
        desk.post("/api/v1/patients", Map.of("fullName", "Online Payer", "phone", "+201001239876"))
            .text("id");
    var invoice = desk.post("/api/v1/invoices", Map.of("patientId", patient)).text("id");
    var path = "/api/v1/invoices/" + invoice;
    desk.post(path + "/lines", Map.of("description", "Consultation", "unitPrice", "400"));
    assertThat(desk.post(path + "/payment-link", Map.of()).status())
        .as("a draft cannot be paid")
        .isEqualTo(409);
    desk.post(path + "/issue", Map.of());
    desk.post(path + "/payments", Map.of("method", "CASH", "amount", "150"));
    // with a provider set up, the invoice page offers the payment link (issue 16)
    var page =
        io.carebook.WebSession.signIn(
                port, owner.email(), TestOrganizations.PASSWORD, owner.app().nextCode())
            .get("/billing/invoices/" + invoice);
    assertThat(page.body())
        .contains("id=\"payment-link\"")
        .doesNotContain("id=\"payment-link-unavailable\"");

    var link = desk.post(path + "/payment-link", Map.of());
    assertThat(link.status()).as(link.body().toString()).isEqualTo(200);
    assertThat(link.text("url")).isEqualTo("https://checkout.stripe.test/c/pay_1");
    PROVIDERS.verify(
        postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
            .withRequestBody(containing("unit_amount%5D=25000"))
            .withRequestBody(containing("metadata%5Binvoice_id%5D=" + invoice)));
    assertThat(emailsOrMessages(owner, "PAYMENT_LINK")).isEqualTo(1);

    var paid =
        """
        {"id": "evt_%s", "type": "checkout.session.completed", "created": %d, "data": {"object": {
          "id": "cs_pay_1", "object": "checkout.session", "payment_status": "paid",
          "amount_total": 25000, "currency": "egp",
          "metadata": {"tenant_id": "%s", "clinic_id": "%s", "invoice_id": "%s"}}}}"""
            .formatted(
                UUID.randomUUID(),
                Instant.now().getEpochSecond(),
                owner.tenant(),
                owner.clinic(),
                invoice);
    assertThat(signed(paid).body()).contains("APPLIED");
    var shown = desk.get(path);
    assertThat(shown.body().path("paid").path("amount").asText()).isEqualTo("400.00");
    // the same payment told again under another event id is not counted twice
    var again = paid.replaceFirst("evt_[0-9a-f-]+", "evt_" + UUID.randomUUID());
    assertThat(signed(again).statusCode()).isEqualTo(200);
    assertThat(desk.get(path).body().path("payments").size()).isEqualTo(2);
  }

  private long emailsOrMessages(TestOrganizations.Owner owner, String kind) {
    return Outbox.count(environment, owner.tenant(), kind);
  }

  @Test
  void signedEventsMoveTheSubscriptionOnceAndInOrder() throws Exception {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var now = Instant.now().getEpochSecond();

    var active = subscriptionEvent(owner, "customer.subscription.created", "active", now - 60);
    var forged = send(active, "t=" + now + ",v1=" + "0".repeat(64));
    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(send(active, null).statusCode()).isEqualTo(401);
    var old = now - 3600;
    assertThat(
            send(
                    active,
                    "t="
                        + old
                        + ",v1="
                        + io.carebook.shared.Hmac.sha256Hex(SECRET, old + "." + active))
                .statusCode())
        .as("a signature older than five minutes")
        .isEqualTo(401);
    assertThat(status(owner)).isEqualTo("TRIAL");

    var applied = signed(active);
    assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
    assertThat(applied.body()).contains("APPLIED");
    assertThat(status(owner)).isEqualTo("ACTIVE");
    var plan = api.as(owner.token()).get("/api/v1/subscription");
    assertThat(plan.text("plan")).isEqualTo("GROWTH");
    assertThat(plan.text("status")).isEqualTo("ACTIVE");
    assertThat(signed(active).body()).contains("REPLAYED");

    // the payment fails (newer), then a late "active" from before arrives: past due it stays
    var failed = subscriptionEvent(owner, "customer.subscription.updated", "past_due", now - 10);
    assertThat(signed(failed).body()).contains("APPLIED");
    var late = subscriptionEvent(owner, "customer.subscription.updated", "active", now - 30);
    assertThat(signed(late).body()).contains("STALE");
    assertThat(status(owner)).isEqualTo("PAST_DUE");
    assertThat(
            api.as(owner.token()).get("/api/v1/subscription").body().path("writable").asBoolean())
        .as("within the grace")
        .isTrue();

    // an invoice event finds the clinic by its subscription's id
    var paid =
        """
        {"id": "evt_%s", "type": "invoice.paid", "created": %d, "data": {"object": {
          "id": "in_1", "object": "invoice", "subscription": "sub_%s"}}}"""
            .formatted(UUID.randomUUID(), now - 5, owner.clinic());
    assertThat(signed(paid).body()).contains("APPLIED");
    assertThat(status(owner)).isEqualTo("ACTIVE");

    var deleted = subscriptionEvent(owner, "customer.subscription.deleted", "canceled", now);
    assertThat(signed(deleted).body()).contains("APPLIED");
    assertThat(status(owner)).isEqualTo("CANCELED");
    assertThat(emailsTo(owner, "SUBSCRIPTION_CANCELED")).isEqualTo(1);
    var refused =
        api.as(owner.token()).post("/api/v1/patients", Map.of("fullName", "After Cancel"));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.text("type")).isEqualTo("/problems/clinic-read-only");
  }

  @Test
  void paymentEventDoesNotLiftAPlatformSuspension() throws Exception {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var operator = new Api(port).withHeader("X-Platform-Token", "operator-test-token");
    var suspension = "/api/platform/v1/clinics/" + owner.clinic().value() + "/suspension";
    assertThat(operator.post(suspension, Map.of("reason", "Fraud under review")).status())
        .isEqualTo(204);

    var now = Instant.now().getEpochSecond();
    var active = subscriptionEvent(owner, "customer.subscription.created", "active", now - 10);
    assertThat(signed(active).statusCode()).isEqualTo(200);
    var paid =
        """
        {"id": "evt_%s", "type": "invoice.paid", "created": %d, "data": {"object": {
          "id": "in_2", "object": "invoice", "subscription": "sub_%s"}}}"""
            .formatted(UUID.randomUUID(), now, owner.clinic());
    assertThat(signed(paid).statusCode()).isEqualTo(200);
    assertThat(status(owner)).isEqualTo("SUSPENDED");
    var desk = api.as(owner.token());
    var refused = desk.post("/api/v1/patients", Map.of("fullName", "During Suspension"));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.text("type")).isEqualTo("/problems/clinic-read-only");
    assertThat(desk.get("/api/v1/subscription").text("plan"))
        .as("the plan paid for is the one the clinic returns to")
        .isEqualTo("GROWTH");

    assertThat(operator.delete(suspension + "?status=ACTIVE").status()).isEqualTo(204);
    assertThat(status(owner)).isEqualTo("ACTIVE");
  }

  @Test
  void stripePaymentWithWrongAmountOrCurrencyIsRefused() throws Exception {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    var desk = api.as(owner.token());
    var patient = desk.post("/api/v1/patients", Map.of("fullName", "Link Payer")).text("id");
    var invoice = desk.post("/api/v1/invoices", Map.of("patientId", patient)).text("id");
    var path = "/api/v1/invoices/" + invoice;
    desk.post(path + "/lines", Map.of("description", "Consultation", "unitPrice", "400"));
    desk.post(path + "/issue", Map.of());

    assertThat(signed(paidSession(owner, invoice, 40000, "usd")).body()).contains("MISMATCHED");
    assertThat(signed(paidSession(owner, invoice, 40001, "egp")).body()).contains("MISMATCHED");
    assertThat(signed(paidSession(owner, invoice, 0, "egp")).body()).contains("MISMATCHED");
    assertThat(desk.get(path).body().path("payments").size()).isZero();

    assertThat(signed(paidSession(owner, invoice, 40000, "egp")).body()).contains("APPLIED");
    assertThat(desk.get(path).body().path("paid").path("amount").asString()).isEqualTo("400.00");
  }

  /**
   * Stripe's event that a payment link's checkout session was paid, {@code amount} in minor units.
   */
  private static String paidSession(
      TestOrganizations.Owner owner, String invoice, long amount, String currency) {
    return """
        {"id": "evt_%s", "type": "checkout.session.completed", "created": %d, "data": {"object": {
          "id": "cs_%s", "object": "checkout.session", "payment_status": "paid",
          "amount_total": %d, "currency": "%s",
          "metadata": {"tenant_id": "%s", "clinic_id": "%s", "invoice_id": "%s"}}}}"""
        .formatted(
            UUID.randomUUID(),
            Instant.now().getEpochSecond(),
            UUID.randomUUID(),
            amount,
            currency,
            owner.tenant(),
            owner.clinic(),
            invoice);
  }

  @Test
  void theDailySweepExpiresEndedTrials() {
    var api = new Api(port);
    var owner = organizations.signUp(api);
    io.carebook.OwnerDatabase.jdbc(environment)
        .sql("update clinics set trial_ends_at = ? where id = ?")
        .params(Timestamp.from(Instant.now().minusSeconds(60)), owner.clinic().value())
        .update();
    var soon = organizations.signUp(api);
    io.carebook.OwnerDatabase.jdbc(environment)
        .sql("update clinics set trial_ends_at = ? where id = ?")
        .params(Timestamp.from(Instant.now().plusSeconds(2 * 86_400)), soon.clinic().value())
        .update();
    subscriptions.sweep();
    subscriptions.sweep(); // told once
    assertThat(status(owner)).isEqualTo("EXPIRED");
    assertThat(status(soon)).isEqualTo("TRIAL");
    // the owners are told by e-mail
    assertThat(emailsTo(owner, "SUBSCRIPTION_EXPIRED")).isEqualTo(1);
    assertThat(emailsTo(soon, "TRIAL_ENDING")).isEqualTo(1);
  }

  private long emailsTo(TestOrganizations.Owner owner, String kind) {
    var database = io.carebook.OwnerDatabase.jdbc(environment);
    long count = 0;
    for (int i = 0; i < 100 && count == 0; i++) {
      Thread.onSpinWait();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      count =
          database
              .sql(
                  "select count(*) from outbox_messages where tenant_id = ? and kind = ? and recipient = ?")
              .params(owner.tenant().value(), kind, owner.email())
              .query(Long.class)
              .single();
    }
    return count;
  }
}
