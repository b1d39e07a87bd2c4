package io.carebook.patients;

import io.carebook.patients.Patient.PatientId;

/**
 * A panel that a module later in the order adds to the chart page (the history of visits, notes and
 * prescriptions, say), without patients depending on it: the chart loads the panel's HTML fragment
 * from {@link #href} once the page is shown.
 */
public interface ChartPanel {

  /** The panel's element id on the chart page. */
  String id();

  /** Where the chart fetches the panel's fragment for {@code patient}. */
  String href(PatientId patient);
}
