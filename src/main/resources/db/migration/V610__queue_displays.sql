-- The waiting-room screen: a secret link per clinic that shows the called tokens without a
-- sign-in (the link's secret is stored hashed; a new link replaces the old one), and whether the
-- screen may show patients' first names beside their tokens (no names unless the clinic says so).
alter table front_desk_settings
  add column display_first_names boolean not null default false;

create table queue_displays (
  tenant_id  uuid not null references tenants (id),
  clinic_id  uuid not null,
  token_hash bytea not null,
  created_at timestamptz not null default now(),
  primary key (tenant_id, clinic_id),
  unique (tenant_id, token_hash),
  foreign key (tenant_id, clinic_id) references clinics (tenant_id, id)
);
create index queue_displays_by_token on queue_displays (token_hash);
select enable_tenant_isolation('queue_displays');
select audit_table('queue_displays', 'clinic_id', 'token_hash');
grant select, insert, update on queue_displays to ${app_role};

create function queue_display_by_hash(p_hash bytea)
returns table (tenant_id uuid, clinic_id uuid)
language sql stable security definer set search_path = public as $$
  select d.tenant_id, d.clinic_id from queue_displays d where d.token_hash = p_hash
$$;
revoke all on function queue_display_by_hash(bytea) from public;
grant execute on function queue_display_by_hash(bytea) to ${app_role};
