package io.carebook.tenancy;

/**
 * What a member may be allowed to do. The permission matrix (in identity) says which roles may take
 * each action in which visit state; modules name the action an endpoint needs and ask {@link
 * Permissions}.
 */
public enum Action {
  PATIENT_VIEW,
  PATIENT_REGISTER,
  PATIENT_EDIT,
  PATIENT_MERGE,
  PATIENT_IMPORT,
  SAFETY_RECORD,
  CHECK_IN,
  VISIT_START_ASSISTANT,
  VISIT_START_DOCTOR,
  VISIT_COMPLETE,
  VISIT_CANCEL,
  VISIT_MARK_NO_SHOW,
  VITALS_RECORD,
  NOTE_DRAFT,
  NOTE_SIGN,
  NOTE_ADDENDUM,
  PRESCRIPTION_DRAFT,
  PRESCRIPTION_FINALIZE,
  PRESCRIPTION_ADDENDUM,
  INVOICE_ISSUE,
  INVOICE_VOID,
  PAYMENT_RECORD,
  REFUND,
  SCHEDULE_EDIT,
  BOOKING,
  REPORTS_VIEW,
  STAFF_MANAGE,
  SETTINGS_MANAGE,
  SUBSCRIPTION_MANAGE,
  CLINIC_OPEN,
  AUDIT_VIEW,
  /** Reading a patient's chart: notes, vitals, prescriptions, allergies, medications, documents. */
  CHART_READ,
  /** Reading the clinic's messages (the outbox, failed messages): owners and managers. */
  VIEW_MESSAGES,
  /** issue 20 (hooks): the organization's webhook endpoints and the developer page: owners. */
  WEBHOOKS_MANAGE,
  /** Issue 19 (wainbox): reading and answering patients' conversations in the staff inbox. */
  INBOX
}
