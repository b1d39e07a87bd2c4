package io.carebook.billing;

import java.util.Locale;

/**
 * Whether a payment a provider reports fits the invoice it names: in the invoice's currency, for
 * more than nothing and not more than the invoice's total. One that does not fit is not recorded;
 * staff look at it (the event answers {@link EventOutcome#MISMATCHED}, and it is logged).
 */
final class OnlinePaymentMatch {

  private OnlinePaymentMatch() {}

  static boolean matches(Invoice invoice, long amount, String currency) {
    return currency.toUpperCase(Locale.ROOT).equals(invoice.total().currency().getCurrencyCode())
        && amount > 0
        && amount <= invoice.total().minor();
  }
}
