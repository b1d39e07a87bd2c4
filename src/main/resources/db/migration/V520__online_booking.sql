-- Online booking by patients: a request waits for the one-time code sent to the patient's
-- phone; once confirmed it becomes an appointment, and a secret link lets the patient cancel.
create table booking_requests (
  tenant_id      uuid not null references tenants (id),
  id             uuid not null,
  clinic_id      uuid not null,
  doctor_id      uuid not null references users (id),
  starts_at      timestamptz not null,
  full_name      text not null,
  phone_e164     text not null,
  code_hash      bytea not null,
  attempts       int not null default 0,
  expires_at     timestamptz not null,
  appointment_id uuid,
  manage_hash    bytea,
  created_at     timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, manage_hash),
  foreign key (tenant_id, clinic_id) references clinics (tenant_id, id)
);
create index booking_requests_by_manage on booking_requests (manage_hash);
select enable_tenant_isolation('booking_requests');
select audit_table('booking_requests', 'id', 'code_hash,manage_hash');
grant select, insert on booking_requests to ${app_role};
grant update (attempts, appointment_id, manage_hash) on booking_requests to ${app_role};

-- Resolver: a patient's manage link -> its tenant and request, before the tenant is known.
create function booking_by_manage_hash(p_hash bytea)
returns table (tenant_id uuid, request_id uuid)
language sql stable security definer set search_path = public as $$
  select b.tenant_id, b.id from booking_requests b where b.manage_hash = p_hash
$$;
revoke all on function booking_by_manage_hash(bytea) from public;
grant execute on function booking_by_manage_hash(bytea) to ${app_role};

-- Resolver: a public booking page's slug -> its clinic, and whether it takes bookings.
create function clinic_by_slug(p_slug text)
returns table (tenant_id uuid, clinic_id uuid)
language sql stable security definer set search_path = public as $$
  select s.routes_to_tenant, s.routes_to_clinic from clinic_slugs s
  join tenants t on t.id = s.routes_to_tenant
  where s.slug = p_slug and t.status = 'ACTIVE'
$$;
revoke all on function clinic_by_slug(text) from public;
grant execute on function clinic_by_slug(text) to ${app_role};
