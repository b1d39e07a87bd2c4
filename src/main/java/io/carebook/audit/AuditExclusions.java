package io.carebook.audit;

import java.util.Set;

/**
 * The tables whose writes are not audited row by row: technical bookkeeping with high churn and no
 * business meaning. Every other table carries the audit trigger; the audit coverage test fails for
 * a table that is neither.
 */
public final class AuditExclusions {

  private AuditExclusions() {}

  public static final Set<String> TABLES =
      Set.of(
          "audit_log", // the trail itself: append-only, chained
          "audit_chain", // the trail's chain: append-only links, themselves hashed
          "audit_checkpoints", // signed copies of the chain's head, kept outside too
          "event_publication", // Modulith's event bookkeeping
          "appointment_followups", // a queue of messages to plan, rows live a second (V1020)
          "scheduled_tasks", // db-scheduler's queue, touched by every poll and heartbeat
          "flyway_schema_history", // the migration tool's bookkeeping
          "one_time_tokens", // hashed link tokens; issuing and using them are security events
          "refresh_tokens", // rotated on every use; issuing and revoking are security events
          "sign_in_failures", // one row per failed sign-in, itself a security event
          "spring_session", // web sessions: touched on every request; sign-ins are events
          "spring_session_attributes",
          "rate_limit_buckets", // a counter touched by every request
          "idempotency_keys", // copies of answers to retried creates, kept a day
          // issue 20 (hooks): the endpoints are audited; their queue and its log are not
          "webhook_deliveries", // a queue of events to send, rewritten by each attempt (V1210)
          "webhook_attempts", // the log of every attempt: append-only, itself the record
          // issue 18 (write): given at commit by the database, after the audited patient insert;
          // written only by that trigger, never changed or deleted: the table is its own record
          "patient_record_numbers");
}
