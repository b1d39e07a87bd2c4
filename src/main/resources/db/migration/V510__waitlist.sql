-- The waitlist: a patient waits for a doctor within a time window; when a matching slot frees
-- up, the first in line gets an offer that holds the slot for a while, then it passes on.
create table waitlist_entries (
  tenant_id      uuid not null references tenants (id),
  id             uuid not null,
  clinic_id      uuid not null,
  doctor_id      uuid not null references users (id),
  patient_id     uuid not null,
  service_type   text not null default '',
  window_from    timestamptz not null,
  window_to      timestamptz not null check (window_to > window_from),
  status         text not null default 'WAITING'
    check (status in ('WAITING', 'OFFERED', 'BOOKED', 'EXPIRED', 'WITHDRAWN')),
  offered_start  timestamptz,
  offered_until  timestamptz,
  offered_hold   uuid,
  appointment_id uuid,
  created_at     timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, clinic_id) references clinics (tenant_id, id),
  foreign key (tenant_id, patient_id) references patients (tenant_id, id)
);
create index waitlist_waiting on waitlist_entries (tenant_id, doctor_id, created_at)
  where status = 'WAITING';
create index waitlist_offers on waitlist_entries (tenant_id, offered_until) where status = 'OFFERED';
select enable_tenant_isolation('waitlist_entries');
select audit_table('waitlist_entries', 'id');
grant select, insert, update on waitlist_entries to ${app_role};

-- How long an offer holds a freed slot, per clinic.
alter table booking_rules add column offer_minutes int not null default 30
  check (offer_minutes between 5 and 1440);
