-- Idempotency keys: a create retried with the same Idempotency-Key header gets the first
-- answer again instead of creating twice. Kept 24 hours, per organization and actor.
create table idempotency_keys (
  tenant_id    uuid not null references tenants (id),
  actor        text not null,
  key          text not null,
  request_hash bytea not null,
  status       int,
  content_type text,
  location     text,
  etag         text,
  body         bytea,
  created_at   timestamptz not null default now(),
  primary key (tenant_id, actor, key)
);
create index idempotency_keys_by_age on idempotency_keys (created_at);
select enable_tenant_isolation('idempotency_keys');
grant select, insert, update, delete on idempotency_keys to ${app_role};
