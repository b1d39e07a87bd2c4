package io.carebook.notifications;

/**
 * Where a message stands in the outbox. An outgoing message moves forward only: SCHEDULED, then
 * SENT, DELIVERED and READ as the provider reports them, or FAILED (a dead letter staff may resend)
 * or CANCELED (its appointment moved or was canceled, or it came too late). A patient's own message
 * is RECEIVED. Rows keep the name.
 */
public enum MessageStatus {
  SCHEDULED,
  SENT,
  DELIVERED,
  READ,
  FAILED,
  CANCELED,
  RECEIVED
}
