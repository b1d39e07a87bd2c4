/**
 * Allergies and medications as the safety lists of a chart, and drug names matched however typed.
 */
@NullMarked
package io.carebook.patients.safety;

import org.jspecify.annotations.NullMarked;
