package io.carebook.scheduling;

/** Where an appointment stands, mapped to FHIR's Appointment.status. */
public enum AppointmentStatus {
  BOOKED("booked"),
  ARRIVED("arrived"),
  FULFILLED("fulfilled"),
  CANCELLED("cancelled"),
  NOSHOW("noshow");

  private final String fhir;

  AppointmentStatus(String fhir) {
    this.fhir = fhir;
  }

  public String fhir() {
    return fhir;
  }
}
