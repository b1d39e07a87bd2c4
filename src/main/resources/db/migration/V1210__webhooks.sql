-- Issue 20, item 2: outbound webhooks. An organization's owners register endpoints (an address,
-- the event types it wants, a signing secret shown once and kept sealed with the organization's
-- data key); each event of a chosen type writes one delivery row per matching endpoint in the
-- event's own transaction, so it commits with the booking, visit, invoice or patient or not at
-- all. A worker claims due deliveries, POSTs them signed (Standard Webhooks) and logs each attempt.

create table webhook_endpoints (
  tenant_id        uuid not null references tenants (id),
  id               uuid not null,
  -- the clinic it was registered at: its owners are told when it is disabled, in its language
  clinic_id        uuid not null,
  url              text not null check (length(url) between 8 and 2000),
  description      text not null default '' check (length(description) <= 200),
  event_types      text[] not null check (cardinality(event_types) between 1 and 20),
  -- whsec_…, sealed (tenancy.Encryption, bound to this row): never stored or audited in clear
  secret_encrypted bytea not null,
  status           text not null default 'ENABLED'
                   check (status in ('ENABLED', 'DISABLED', 'DELETED')),
  -- why it is disabled: the owner turned it off, or it failed for days on end
  disabled_reason  text check (disabled_reason in ('OWNER', 'FAILING')),
  -- the first failure since its last success; null while it answers
  failing_since    timestamptz,
  created_at       timestamptz not null,
  version          int not null default 0,
  primary key (tenant_id, id)
);
select enable_tenant_isolation('webhook_endpoints');
select audit_table('webhook_endpoints', 'id', 'secret_encrypted');
grant select, insert, update on webhook_endpoints to ${app_role};
-- the listeners read an organization's enabled endpoints with every event
create index webhook_endpoints_enabled on webhook_endpoints (tenant_id) where status = 'ENABLED';

-- One event for one endpoint: the exact body signed and sent (ids and times only, no clinical
-- text), where it stands and when it is next tried. A queue rewritten by every attempt, like the
-- outbox's scheduling rather than a record: not audited row by row (audit.AuditExclusions); the
-- endpoint's changes are, and every attempt is logged in webhook_attempts.
create table webhook_deliveries (
  tenant_id       uuid not null,
  id              uuid not null, -- the webhook-id header: the same on every retry and replay
  endpoint_id     uuid not null,
  clinic_id       uuid,
  event_type      text not null,
  payload         text not null,
  status          text not null default 'PENDING'
                  check (status in ('PENDING', 'DELIVERED', 'FAILED')),
  -- attempts since it was (re)queued; a replay starts the retry schedule again
  attempts        int not null default 0,
  -- when a worker may try it next: also moved past a claim's lease, so a worker that dies after
  -- claiming leaves it to the next one once the lease runs out
  next_attempt_at timestamptz,
  created_at      timestamptz not null,
  delivered_at    timestamptz,
  last_status     int,
  last_error      text,
  primary key (tenant_id, id),
  foreign key (tenant_id, endpoint_id) references webhook_endpoints (tenant_id, id)
);
select enable_tenant_isolation('webhook_deliveries');
grant select, insert, update on webhook_deliveries to ${app_role};
create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where status = 'PENDING';
create index webhook_deliveries_by_endpoint
  on webhook_deliveries (tenant_id, endpoint_id, created_at desc, id desc);

-- Every attempt: when, the answer's status (none when there was no answer), how long it took and
-- the first kilobyte of what the receiver said. Append-only: a log, itself the record.
create table webhook_attempts (
  tenant_id      uuid not null,
  id             bigint generated always as identity,
  delivery_id    uuid not null,
  attempted_at   timestamptz not null,
  response_status int,
  duration_ms    int not null,
  response_body  text,
  error          text,
  primary key (tenant_id, id)
);
select enable_tenant_isolation('webhook_attempts');
grant select, insert on webhook_attempts to ${app_role};
create index webhook_attempts_by_delivery on webhook_attempts (tenant_id, delivery_id, id);

-- The organizations with deliveries due (ids only, as V960's resolvers): the worker enters each
-- and claims its deliveries there, under row-level security.
create function webhook_due_tenants(p_now timestamptz)
returns setof uuid
language sql stable security definer set search_path = pg_catalog, public, pg_temp as $$
  select distinct d.tenant_id from public.webhook_deliveries d
   where d.status = 'PENDING' and d.next_attempt_at <= p_now
$$;
revoke all on function webhook_due_tenants(timestamptz) from public;
grant execute on function webhook_due_tenants(timestamptz) to ${app_role};
