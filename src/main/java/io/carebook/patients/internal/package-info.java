/** What the patients module's sub-packages share; nothing here is for other modules. */
@NullMarked
package io.carebook.patients.internal;

import org.jspecify.annotations.NullMarked;
