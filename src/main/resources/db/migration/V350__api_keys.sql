-- API keys for integrations and AI agents: scoped to one clinic and a set of actions, stored
-- hashed (the key is shown once), revocable, with the time of last use.
create table api_keys (
  tenant_id    uuid not null references tenants (id),
  id           uuid not null,
  clinic_id    uuid not null,
  name         text not null check (length(trim(name)) between 1 and 100),
  prefix       text not null,
  key_hash     bytea not null,
  actions      text[] not null check (cardinality(actions) > 0),
  created_by   uuid not null references users (id),
  created_at   timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at   timestamptz,
  primary key (tenant_id, id),
  unique (tenant_id, key_hash),
  foreign key (tenant_id, clinic_id) references clinics (tenant_id, id)
);
create index api_keys_by_hash on api_keys (key_hash);
select enable_tenant_isolation('api_keys');
select audit_table('api_keys', 'id', 'key_hash');
grant select, insert on api_keys to ${app_role};
grant update (last_used_at, revoked_at) on api_keys to ${app_role};

-- Resolver: the key behind a presented secret, before its tenant is known. Routing only.
create function api_key_by_hash(p_key_hash bytea)
returns table (tenant_id uuid, key_id uuid)
language sql stable security definer set search_path = public as $$
  select k.tenant_id, k.id from api_keys k where k.key_hash = p_key_hash and k.revoked_at is null
$$;
revoke all on function api_key_by_hash(bytea) from public;
grant execute on function api_key_by_hash(bytea) to ${app_role};
