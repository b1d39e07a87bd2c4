/**
 * Billing, part A: the clinic bills its patients. A service catalog with prices and tax profiles;
 * invoices drafted when a visit is done, edited while draft, then issued with a gap-free number per
 * clinic and series and never changed again (voided with a reason instead); payments and refunds in
 * cash, card, transfer or wallet, partial or whole. Money is exact: whole minor units of the
 * clinic's currency.
 */
@ApplicationModule(
    allowedDependencies = {
      "shared",
      "tenancy",
      "tenancy :: demo",
      "identity",
      "patients",
      "scheduling",
      "frontdesk",
      "audit"
    })
@NullMarked
package io.carebook.billing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
