/**
 * Reports for a clinic's owner and managers: what the clinic took and billed, how many patients it
 * saw and how many did not come, over the last days, in charts. Each module counts its own part
 * (billing the money, the front desk the visits); this module puts them side by side. Reports come
 * with the plans that include them.
 */
@ApplicationModule(allowedDependencies = {"shared", "tenancy", "billing", "frontdesk"})
@NullMarked
package io.carebook.reports;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
