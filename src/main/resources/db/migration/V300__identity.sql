-- Identity: users are global (one person, many clinics, even of several organizations);
-- memberships are tenant-owned and name the roles a user holds in one clinic.

create table users (
  id                 uuid primary key,
  email              text not null,
  display_name       text not null check (length(trim(display_name)) between 1 and 200),
  password_hash      text not null,
  preferred_locale   text not null default 'en' check (preferred_locale in ('en', 'es', 'ar')),
  email_confirmed_at timestamptz,
  created_at         timestamptz not null default now()
);
create unique index users_email_unique on users (lower(email));
grant select, insert on users to ${app_role};
grant update (display_name, password_hash, preferred_locale, email_confirmed_at) on users to ${app_role};

create table memberships (
  tenant_id  uuid not null references tenants (id),
  clinic_id  uuid not null,
  user_id    uuid not null references users (id),
  roles      text[] not null check (cardinality(roles) > 0 and roles <@
               array['OWNER', 'MANAGER', 'DOCTOR', 'ASSISTANT', 'RECEPTIONIST', 'BILLING']),
  status     text not null default 'ACTIVE' check (status in ('ACTIVE', 'SUSPENDED')),
  created_at timestamptz not null default now(),
  primary key (tenant_id, clinic_id, user_id),
  foreign key (tenant_id, clinic_id) references clinics (tenant_id, id)
);
create index memberships_by_user on memberships (user_id);
select enable_tenant_isolation('memberships');
grant select, insert, update, delete on memberships to ${app_role};

-- Global: single-use, expiring tokens (e-mail confirmation now; password reset and
-- invitations later). Only a SHA-256 of the token is stored.
create table one_time_tokens (
  token_hash bytea primary key,
  purpose    text not null check (purpose in ('EMAIL_CONFIRMATION', 'PASSWORD_RESET')),
  user_id    uuid not null references users (id),
  expires_at timestamptz not null,
  used_at    timestamptz,
  created_at timestamptz not null default now()
);
grant select, insert on one_time_tokens to ${app_role};
grant update (used_at) on one_time_tokens to ${app_role};

-- Global: keys that sign API access tokens, shared by every app instance. Several may be
-- valid at once so that a new key can be introduced without signing anybody out.
create table token_signing_keys (
  key_id      text primary key,
  secret      bytea not null,
  created_at  timestamptz not null default now(),
  retired_at  timestamptz
);
grant select, insert on token_signing_keys to ${app_role};

-- Resolver: the signed-in user's own memberships, across tenants, before a tenant is chosen.
-- Reads app.user_id from the transaction, so it can only ever answer for the current user.
create function my_memberships()
returns table (tenant_id uuid, tenant_name text, clinic_id uuid, clinic_name text,
               roles text[], status text)
language sql stable security definer set search_path = public as $$
  select m.tenant_id, t.name, m.clinic_id, c.name, m.roles, m.status
  from memberships m
  join tenants t on t.id = m.tenant_id
  join clinics c on c.tenant_id = m.tenant_id and c.id = m.clinic_id
  where m.user_id = nullif(current_setting('app.user_id', true), '')::uuid
    and t.status = 'ACTIVE' and c.active
  order by t.name, c.name
$$;
revoke all on function my_memberships() from public;
grant execute on function my_memberships() to ${app_role};

select audit_table('users', 'id', 'password_hash');
select audit_table('memberships', 'clinic_id,user_id');
select audit_table('token_signing_keys', 'key_id', 'secret');
