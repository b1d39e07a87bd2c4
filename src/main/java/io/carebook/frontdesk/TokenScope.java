package io.carebook.frontdesk;

/** Whether a clinic counts its day's tokens for the whole clinic or separately per doctor. */
public enum TokenScope {
  CLINIC,
  DOCTOR
}
