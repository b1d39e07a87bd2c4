/**
 * Billing, part A: the clinic bills its patients. A service catalog with prices and tax profiles;
 * invoices drafted when a visit is done, edited while draft, then issued with a gap-free number per
 * clinic and series and never changed again (voided with a reason instead); payments and refunds in
 * cash, card, transfer or wallet, partial or whole. Money is exact: whole minor units of the
 * clinic's currency.
 *
 * <p>{@code Invoice} is the aggregate that guards those rules; {@code Billing} loads, asks the
 * permission, lets the invoice decide and saves. What was taken ({@code Takings}) and what is owed
 * ({@code Dues}) are read models of their own, for the pages and the reports.
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
