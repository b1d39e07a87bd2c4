/**
 * Importing a clinic's patient list from a spreadsheet: preview, background run, per-row outcomes.
 */
@NullMarked
package io.carebook.patients.imports;

import org.jspecify.annotations.NullMarked;
