package io.carebook.tenancy;

import java.util.Set;

/**
 * The one list of what row-level security does not cover, and why (DESIGN.md §2). The isolation
 * coverage test reads it: a table with no {@code tenant_id} that is not listed here fails the
 * build.
 */
public final class NamedExceptions {

  private NamedExceptions() {}

  /** Tables without {@code tenant_id}: read before a tenant is known, or across tenants. */
  public static final Set<String> GLOBAL_TABLES =
      Set.of(
          "tenants", // the organizations themselves; sign-in and sweeping jobs read them
          "clinic_slugs", // public slug -> tenant and clinic, routing information only
          "users", // a person is global: one identity, memberships in many organizations
          "one_time_tokens", // confirmation links, resolved before any tenant is known
          "token_signing_keys", // keys that sign API tokens for every tenant
          "refresh_tokens", // a user's sign-in, before and across tenants
          "sign_in_failures", // lockout counts per account and address, before any tenant
          "spring_session", // web sessions, before a clinic is chosen and across clinics
          "spring_session_attributes", // their attributes
          "rate_limit_buckets", // limits per address, phone and organization, across instances
          "platform_data_keys", // the key that encrypts global data, wrapped by the master key
          "totp_authenticators", // a user's second factor: global, like the user
          "recovery_codes", // a user's single-use codes for when the authenticator is lost
          "practitioner_busy", // a doctor's busy time across clinics and organizations: free/busy
          "event_publication", // Modulith's durable event registry; events carry tenant ids
          "scheduled_tasks", // db-scheduler's queue: a task carries its tenant id, no content
          "flyway_schema_history"); // the migration tool's bookkeeping, owned by the migrator

  /**
   * SECURITY DEFINER functions: each maps one key to routing information only, then the work
   * continues inside the tenant's context.
   */
  public static final Set<String> RESOLVERS =
      Set.of(
          "my_memberships", // the signed-in user's own memberships, across tenants
          "audit_row_change", // the audit trigger: records writes to global tables too
          "audit_record", // records a view or security event for the tenant in context
          "invitation_by_token", // an invitation link -> its tenant and id, routing only
          "api_key_by_hash", // a presented API key -> its tenant and id, routing only
          "api_key_agent", // a presented API key -> its agent and its creator's roles, at the edge
          "member_at_edge", // a signed-in user's memberships and sign-out time, at the edge
          "booking_by_manage_hash", // a patient's manage link -> its tenant and request
          "clinic_by_slug", // a public booking page -> its clinic, routing only
          "calendar_feed_by_hash", // a doctor's calendar feed link -> its clinic and doctor
          "prescription_by_code", // a printed prescription's code -> its tenant and id
          "queue_display_by_hash", // a waiting-room screen's link -> its clinic
          "invoice_link_by_hash", // a patient's receipt link -> its tenant and invoice
          "prescription_copy_by_hash", // a patient's prescription copy link -> tenant and id
          "platform_subscription_by_provider_id", // a provider's subscription -> its clinic
          "clinic_tenant", // a clinic's id -> its organization, for the platform's operators
          // background jobs: which organizations have work waiting, ids only
          "audit_unchained_tenants", // audit rows not yet hash-chained
          "audit_tenants", // organizations with audit rows, for the first chaining pass
          "audit_checkpoint_due_tenants", // audit chains grown since the last checkpoints
          "audit_chain_marker", // the last audit id drawn: a sequence the application cannot read
          "waitlist_expired_offer_tenants", // waitlist offers whose hold ran out
          "no_show_due_tenants", // appointments past their no-show delay
          "idempotency_expired_tenants", // Idempotency-Keys past the day they are kept
          "appointment_followup_clinics", // appointments whose messages are still to plan
          // conversations (issue 19): the app-level WhatsApp webhook, before a tenant is known
          "whatsapp_number_clinic", // a business phone number id -> its one clinic, routing only
          "whatsapp_verify_token_known", // whether a verify token is any clinic's, yes or no
          // issue 20 (hooks)
          "webhook_due_tenants", // outbound webhook deliveries due
          // issue 18 (write): the only writer of record numbers, at the registration's commit
          "patients_number_at_commit");
}
