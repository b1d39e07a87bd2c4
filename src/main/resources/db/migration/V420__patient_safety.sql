-- Patient safety: allergies and current medications, shown on every chart's header and checked
-- when prescribing. Never deleted: voided with reason, actor and time.

create table patient_allergies (
  tenant_id            uuid not null,
  id                   uuid not null,
  patient_id           uuid not null,
  substance            text not null check (length(trim(substance)) between 1 and 200),
  substance_normalized text not null,
  reaction             text check (length(reaction) <= 500),
  severity             text not null check (severity in ('MILD', 'MODERATE', 'SEVERE')),
  status               text not null check (status in ('ACTIVE', 'INACTIVE', 'RESOLVED')),
  version              int not null default 0,
  created_at           timestamptz not null default now(),
  created_by           uuid,
  updated_at           timestamptz not null default now(),
  voided_at            timestamptz,
  voided_by            uuid,
  void_reason          text check (length(void_reason) <= 500),
  primary key (tenant_id, id),
  foreign key (tenant_id, patient_id) references patients (tenant_id, id),
  check ((voided_at is null) = (void_reason is null))
);
create index patient_allergies_by_patient on patient_allergies (tenant_id, patient_id);
select enable_tenant_isolation('patient_allergies');
grant select, insert, update on patient_allergies to ${app_role};
select audit_table('patient_allergies', 'id');

create table patient_medications (
  tenant_id       uuid not null,
  id              uuid not null,
  patient_id      uuid not null,
  drug            text not null check (length(trim(drug)) between 1 and 200),
  drug_normalized text not null,
  dose            text check (length(dose) <= 100),
  frequency       text check (length(frequency) <= 100),
  since           date,
  status          text not null check (status in ('ACTIVE', 'STOPPED')),
  version         int not null default 0,
  created_at      timestamptz not null default now(),
  created_by      uuid,
  updated_at      timestamptz not null default now(),
  voided_at       timestamptz,
  voided_by       uuid,
  void_reason     text check (length(void_reason) <= 500),
  primary key (tenant_id, id),
  foreign key (tenant_id, patient_id) references patients (tenant_id, id),
  check ((voided_at is null) = (void_reason is null))
);
create index patient_medications_by_patient on patient_medications (tenant_id, patient_id);
select enable_tenant_isolation('patient_medications');
grant select, insert, update on patient_medications to ${app_role};
select audit_table('patient_medications', 'id');
