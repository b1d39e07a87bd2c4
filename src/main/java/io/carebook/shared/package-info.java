/**
 * The few value types every module uses: ids, phone numbers, problem details.
 *
 * <p>Open: every module may use any of its types.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package io.carebook.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
