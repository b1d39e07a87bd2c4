package io.carebook.identity;

/** What a member does in a clinic. A member may hold several roles in one clinic. */
public enum Role {
  OWNER,
  MANAGER,
  DOCTOR,
  ASSISTANT,
  RECEPTIONIST,
  BILLING
}
