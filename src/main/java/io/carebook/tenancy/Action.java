package io.carebook.tenancy;

/**
 * What a member may be allowed to do. The permission matrix (in identity) says which roles may do
 * each; modules name the action an endpoint needs and ask {@link Permissions}.
 */
public enum Action {
  PATIENT_VIEW,
  PATIENT_REGISTER,
  PATIENT_EDIT,
  CLINIC_OPEN,
  AUDIT_VIEW
}
