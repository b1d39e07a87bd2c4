-- Doctor profiles, per organization: what patients and the desk need to know about a doctor.
create table doctor_profiles (
  tenant_id         uuid not null references tenants (id),
  user_id           uuid not null references users (id),
  specialty         text,
  licence_number    text,
  consultation_fee  numeric(12, 2) check (consultation_fee >= 0),
  currency          char(3),
  languages         text[] not null default '{}',
  updated_at        timestamptz not null default now(),
  primary key (tenant_id, user_id),
  check ((consultation_fee is null) = (currency is null))
);
select enable_tenant_isolation('doctor_profiles');
select audit_table('doctor_profiles', 'user_id');
grant select, insert, update on doctor_profiles to ${app_role};
