-- Tenancy: the isolation boundary (tenants), their clinics, and the plumbing every
-- tenant-owned table uses. Runs as the migration role, which owns the schema and has
-- BYPASSRLS. The application role (${app_role}) owns nothing and never bypasses RLS.

create extension if not exists btree_gist;
create extension if not exists pg_trgm;

-- The one policy every tenant-owned table carries. nullif matters: once a transaction that
-- set app.tenant_id has ended, the setting reads as '' rather than NULL.
create function enable_tenant_isolation(tbl regclass) returns void
language plpgsql as $$
begin
  execute format('alter table %s enable row level security', tbl);
  execute format('alter table %s force row level security', tbl);
  execute format(
    'create policy tenant_isolation on %s using '
    || '(tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid) with check '
    || '(tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid)', tbl);
end $$;
revoke all on function enable_tenant_isolation(regclass) from public;

-- Global: an organization. Read before a tenant is known (sign-in, sweeping jobs).
create table tenants (
  id         uuid primary key,
  name       text not null check (length(trim(name)) between 1 and 200),
  status     text not null default 'ACTIVE' check (status in ('ACTIVE', 'SUSPENDED')),
  created_at timestamptz not null default now()
);
grant select, insert on tenants to ${app_role};
grant update (name, status) on tenants to ${app_role};

create table clinics (
  tenant_id           uuid not null references tenants (id),
  id                  uuid not null,
  name                text not null check (length(trim(name)) between 1 and 200),
  slug                text not null,
  timezone            text not null,
  locale              text not null check (locale in ('en', 'es', 'ar')),
  currency            char(3) not null,
  country             char(2) not null,
  subscription_status text not null default 'TRIAL'
    check (subscription_status in ('TRIAL', 'ACTIVE', 'PAST_DUE', 'CANCELED', 'EXPIRED', 'SUSPENDED')),
  trial_ends_at       timestamptz,
  past_due_since      timestamptz,
  active              boolean not null default true,
  created_at          timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, slug)
);
select enable_tenant_isolation('clinics');
grant select, insert, update on clinics to ${app_role};

-- Global routing table: a clinic's public slug is unique across the platform, and must be
-- found before its tenant is known (public booking pages). Routing information only; its
-- columns name where a slug leads rather than an owner, as it belongs to no tenant.
create table clinic_slugs (
  slug             text primary key check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  routes_to_tenant uuid not null references tenants (id),
  routes_to_clinic uuid not null
);
grant select, insert on clinic_slugs to ${app_role};
