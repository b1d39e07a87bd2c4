package io.carebook.identity;

/** What a member does in a clinic. A member may hold several roles in one clinic. */
public enum Role {
  OWNER,
  MANAGER,
  DOCTOR,
  ASSISTANT,
  RECEPTIONIST,
  BILLING,
  /**
   * Issue 19 (wainbox): a remote assistant answers patients' conversations and books for them from
   * afar; they reach only the inbox and the calendar.
   */
  REMOTE_ASSISTANT
}
