package io.carebook.billing;

import io.carebook.shared.Money;

/**
 * What a refund may give back, so an invoice never ends owing a remainder nobody billed: what the
 * patient paid beyond what they owe ({@link Invoice#refundDue()}, after a credit note or a payment
 * taken twice), or everything paid net of earlier refunds (money handed back before the invoice is
 * voided). A refund between the two would leave the invoice owing what was just handed back; the
 * way to give back part of a paid invoice is a credit note, then the refund it makes due.
 */
final class RefundRule {

  private RefundRule() {}

  static boolean leavesTheInvoiceConsistent(Invoice invoice, Money refund) {
    return refund.minor() > 0
        && (refund.minor() <= invoice.refundDue().minor()
            || refund.minor() == invoice.paid().minor());
  }
}
