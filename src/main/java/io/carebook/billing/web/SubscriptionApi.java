package io.carebook.billing.web;

import io.carebook.billing.PaymentProviders;
import io.carebook.billing.PaymentProviders.Provider;
import io.carebook.billing.RazorpayPayments;
import io.carebook.billing.StripeSubscriptions;
import io.carebook.billing.Usage;
import io.carebook.shared.ProblemException;
import io.carebook.tenancy.Plan;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(
    name = "Subscription",
    description =
        "The active clinic's subscription to Carebook: status, plan, usage against its limits,"
            + " checkout to subscribe or change plan, and the payment provider's webhook.")
class SubscriptionApi {

  private final StripeSubscriptions stripe;
  private final RazorpayPayments razorpay;
  private final PaymentProviders providers;
  private final Usage usage;

  SubscriptionApi(
      StripeSubscriptions stripe,
      RazorpayPayments razorpay,
      PaymentProviders providers,
      Usage usage) {
    this.stripe = stripe;
    this.razorpay = razorpay;
    this.providers = providers;
    this.usage = usage;
  }

  @GetMapping("/api/v1/subscription")
  @Operation(summary = "The active clinic's status, plan, trial end and usage against its limits")
  Usage.Report subscription() {
    return usage.report();
  }

  record Checkout(@Nullable String plan, @Nullable String provider) {}

  @PostMapping("/api/v1/subscription/checkout")
  @Operation(
      summary =
          "A hosted checkout to subscribe the active clinic to a plan (needs SUBSCRIPTION_MANAGE)",
      description =
          "Answers the address to send the owner to; 409 when online payment is not set up."
              + " provider (STRIPE or RAZORPAY) is optional: without it, Razorpay for a clinic"
              + " billing in INR when Razorpay is set up, else Stripe.")
  Map<String, String> checkout(@RequestBody Checkout body) {
    Plan plan;
    try {
      plan = Plan.valueOf(body.plan() == null ? "" : body.plan().strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("plan", "must be STARTER, GROWTH or PRO");
    }
    var provider = Provider.named(body.provider(), "provider");
    return Map.of("url", providers.checkout(plan, provider).toString());
  }

  record LinkRequest(@Nullable String provider) {}

  @PostMapping("/api/v1/invoices/{id}/payment-link")
  @Operation(
      summary = "A payment link for what an issued invoice still owes (needs PAYMENT_RECORD)",
      description =
          "A page hosted by Stripe or Razorpay; the link is also sent to the patient on their"
              + " channel. The payment is recorded when the provider's signed event says it was"
              + " paid. provider (STRIPE or RAZORPAY) is optional: without it, Razorpay for an"
              + " invoice in INR when Razorpay is set up, else Stripe. 409 when online payment is"
              + " not set up or nothing is owed.")
  Map<String, String> paymentLink(
      @org.springframework.web.bind.annotation.PathVariable String id,
      @RequestBody(required = false) @Nullable LinkRequest body) {
    var provider = Provider.named(body == null ? null : body.provider(), "provider");
    return Map.of(
        "url",
        providers.paymentLink(io.carebook.shared.Ids.parse(id, "Invoice"), provider).toString());
  }

  @PostMapping(path = "/api/v1/webhooks/stripe", consumes = MediaType.ALL_VALUE)
  @Operation(
      summary = "Stripe's events (signed with Stripe-Signature)",
      description =
          "Verified, kept once per event id, applied only if newer than the last applied:"
              + " replays and late events change nothing.")
  Map<String, String> stripeEvent(
      @RequestBody String payload,
      @RequestHeader(name = "Stripe-Signature", required = false) @Nullable String signature) {
    return Map.of("outcome", stripe.receive(payload, signature).name());
  }

  @PostMapping(path = "/api/v1/webhooks/razorpay", consumes = MediaType.ALL_VALUE)
  @Operation(
      summary = "Razorpay's events (signed with X-Razorpay-Signature)",
      description =
          "payment_link.paid records the invoice's payment; subscription.* events move the"
              + " clinic's subscription. Verified, kept once per signed body (an unsigned event id"
              + " header names nothing), applied only"
              + " if newer than the last applied: replays and late events change nothing.")
  Map<String, String> razorpayEvent(
      @RequestBody byte[] payload,
      @RequestHeader(name = "X-Razorpay-Signature", required = false) @Nullable String signature) {
    return Map.of("outcome", razorpay.receive(payload, signature).name());
  }
}
