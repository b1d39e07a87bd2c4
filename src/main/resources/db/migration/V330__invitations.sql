-- Invitations: an owner or manager invites a person by e-mail to a clinic with roles. The
-- single-use link carries a token whose hash is kept here, and expires after 7 days.
create table invitations (
  tenant_id   uuid not null references tenants (id),
  id          uuid not null,
  clinic_id   uuid not null,
  email       text not null,
  roles       text[] not null check (cardinality(roles) > 0 and roles <@
                array['OWNER', 'MANAGER', 'DOCTOR', 'ASSISTANT', 'RECEPTIONIST', 'BILLING']),
  invited_by  uuid not null references users (id),
  token_hash  bytea not null,
  expires_at  timestamptz not null,
  accepted_at timestamptz,
  accepted_by uuid references users (id),
  revoked_at  timestamptz,
  created_at  timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, token_hash),
  foreign key (tenant_id, clinic_id) references clinics (tenant_id, id)
);
create index invitations_by_token on invitations (token_hash);
select enable_tenant_isolation('invitations');
select audit_table('invitations', 'id', 'token_hash');
grant select, insert on invitations to ${app_role};
grant update (accepted_at, accepted_by, revoked_at) on invitations to ${app_role};

-- Resolver: the invitation behind a link, before its tenant is known. Routing only: the tenant
-- and the invitation's id, for a pending invitation; the rest is read in the tenant's context.
create function invitation_by_token(p_token_hash bytea)
returns table (tenant_id uuid, invitation_id uuid)
language sql stable security definer set search_path = public as $$
  select i.tenant_id, i.id from invitations i
  where i.token_hash = p_token_hash and i.accepted_at is null and i.revoked_at is null
    and i.expires_at > now()
$$;
revoke all on function invitation_by_token(bytea) from public;
grant execute on function invitation_by_token(bytea) to ${app_role};
