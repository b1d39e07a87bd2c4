-- Encryption at rest: one data key per owner (a Tink AES-256-GCM keyset), stored wrapped
-- (encrypted) by the master key, which is configured and never stored here. master_key_id
-- names the master key that wrapped it, so that a rotation can tell which keys to re-wrap.

-- A tenant's key: under row-level security like all tenant data, so it is readable only
-- inside that tenant's context.
create table tenant_data_keys (
  tenant_id     uuid primary key references tenants (id),
  keyset        bytea not null,
  master_key_id integer not null,
  created_at    timestamptz not null default now(),
  rewrapped_at  timestamptz
);
select enable_tenant_isolation('tenant_data_keys');
grant select, insert on tenant_data_keys to ${app_role};
grant update (keyset, master_key_id, rewrapped_at) on tenant_data_keys to ${app_role};

-- Global: the platform's key, for global data that belongs to no tenant (a user's TOTP secret).
create table platform_data_keys (
  name          text primary key check (name = 'platform'),
  keyset        bytea not null,
  master_key_id integer not null,
  created_at    timestamptz not null default now(),
  rewrapped_at  timestamptz
);
grant select, insert on platform_data_keys to ${app_role};
grant update (keyset, master_key_id, rewrapped_at) on platform_data_keys to ${app_role};

-- The audit trigger is attached in V200.1, as audit_table() does not exist yet at this point.
