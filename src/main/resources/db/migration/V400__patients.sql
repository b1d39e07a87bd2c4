-- Patients: one chart per organization, shared by all of its clinics.
create table patients (
  tenant_id       uuid not null references tenants (id),
  id              uuid not null,
  full_name       text not null check (length(trim(full_name)) between 1 and 200),
  name_normalized text not null,
  phone_e164      text check (phone_e164 ~ '^\+[1-9][0-9]{6,14}$'),
  date_of_birth   date,
  sex             text check (sex in ('FEMALE', 'MALE', 'OTHER', 'UNKNOWN')),
  registered_at   uuid,
  version         int not null default 0,
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now(),
  primary key (tenant_id, id)
);
-- The duplicate rule, enforced by the database: same phone and same normalized name is the
-- same person; a household sharing one phone stays separate people.
create unique index patients_duplicate_rule on patients (tenant_id, phone_e164, name_normalized)
  where phone_e164 is not null;
create index patients_by_name on patients using gin (name_normalized gin_trgm_ops);
create index patients_by_created on patients (tenant_id, created_at desc, id);
select enable_tenant_isolation('patients');
grant select, insert, update on patients to ${app_role};

select audit_table('patients', 'id');
