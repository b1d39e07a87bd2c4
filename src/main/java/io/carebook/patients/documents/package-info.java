/** A patient's documents: uploaded files sealed at rest, listed and opened from the chart. */
@NullMarked
package io.carebook.patients.documents;

import org.jspecify.annotations.NullMarked;
