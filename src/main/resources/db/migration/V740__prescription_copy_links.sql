-- issue 15: the patient's own copy of a prescription. The public check of a paper's code shows a
-- pharmacist what they need (initials, drug lines, status); the full document goes to the patient
-- only, as a private link sent on their channel, like a receipt. Only the link's hash is kept.
create table prescription_copy_links (
  tenant_id       uuid not null references tenants (id),
  token_hash      bytea not null,
  prescription_id uuid not null,
  created_at      timestamptz not null default now(),
  expires_at      timestamptz not null,
  primary key (tenant_id, token_hash),
  foreign key (tenant_id, prescription_id) references prescriptions (tenant_id, id)
);
create index prescription_copy_links_by_token on prescription_copy_links (token_hash);
select enable_tenant_isolation('prescription_copy_links');
select audit_table('prescription_copy_links', 'prescription_id', 'token_hash');
grant select, insert on prescription_copy_links to ${app_role};

-- Resolver: a patient's copy link -> its tenant and prescription, before the tenant is known.
create function prescription_copy_by_hash(p_hash bytea)
returns table (tenant_id uuid, prescription_id uuid)
language sql stable security definer set search_path = pg_catalog, public, pg_temp as $$
  select l.tenant_id, l.prescription_id from public.prescription_copy_links l
   where l.token_hash = p_hash and l.expires_at > now()
$$;
revoke all on function prescription_copy_by_hash(bytea) from public;
grant execute on function prescription_copy_by_hash(bytea) to ${app_role};
