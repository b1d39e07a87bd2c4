package io.carebook.billing;

import io.carebook.shared.ProblemException;
import io.carebook.tenancy.Organizations;
import io.carebook.tenancy.Plan;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Which payment provider hosts a payment link or a checkout. A provider is there when its keys are
 * configured. Asked for by name, that provider is used (or the answer says it is not set up);
 * otherwise Razorpay serves clinics that bill in Indian rupees when it is there, since it takes
 * what Indian patients and clinics pay with (UPI, net banking, cards, mandates), and Stripe serves
 * everyone else.
 */
@Service
public class PaymentProviders {

  /** A payment provider Carebook can send a patient or an owner to. */
  public enum Provider {
    STRIPE,
    RAZORPAY;

    /** The provider named by {@code name} (any case), or null when none is named. */
    public static @Nullable Provider named(@Nullable String name, String field) {
      if (name == null || name.isBlank()) {
        return null;
      }
      try {
        return valueOf(name.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw ProblemException.invalid(field, "must be STRIPE or RAZORPAY");
      }
    }
  }

  private static final String RUPEES = "INR";

  private final StripeSubscriptions stripe;
  private final RazorpayPayments razorpay;
  private final Organizations organizations;
  private final Billing billing;

  PaymentProviders(
      StripeSubscriptions stripe,
      RazorpayPayments razorpay,
      Organizations organizations,
      Billing billing) {
    this.stripe = stripe;
    this.razorpay = razorpay;
    this.organizations = organizations;
    this.billing = billing;
  }

  /** A hosted checkout for the active clinic to subscribe to {@code plan}: its address. */
  public URI checkout(Plan plan, @Nullable Provider requested) {
    var provider =
        requested != null ? requested : choose(organizations.activeClinic().currency(), plan);
    return provider == Provider.RAZORPAY ? razorpay.checkout(plan) : stripe.checkout(plan);
  }

  /** A hosted page where the patient pays what the invoice still owes: its address. */
  public URI paymentLink(UUID invoiceId, @Nullable Provider requested) {
    var provider =
        requested != null
            ? requested
            : choose(billing.get(invoiceId).total().currency().getCurrencyCode(), null);
    return provider == Provider.RAZORPAY
        ? razorpay.paymentLink(invoiceId)
        : stripe.paymentLink(invoiceId);
  }

  /**
   * Whether a payment link can be made for what is billed in {@code currency} on this server: the
   * provider {@link #paymentLink} would use is set up. Without one, the page shows no link to make.
   */
  public boolean paymentLinks(String currency) {
    return choose(currency, null) == Provider.RAZORPAY || stripe.takesPayments();
  }

  /** The providers offering checkout for {@code plan} on this server, the default first. */
  public List<Provider> offering(Plan plan) {
    var first = choose(organizations.activeClinic().currency(), plan);
    return Arrays.stream(Provider.values())
        .filter(p -> p == Provider.RAZORPAY ? razorpay.offers(plan) : stripe.offers(plan))
        .sorted((a, b) -> Boolean.compare(b == first, a == first))
        .toList();
  }

  private Provider choose(String currency, @Nullable Plan plan) {
    var razorpayThere = plan == null ? razorpay.configured() : razorpay.offers(plan);
    return razorpayThere && RUPEES.equalsIgnoreCase(currency) ? Provider.RAZORPAY : Provider.STRIPE;
  }
}
