-- Note templates per clinic: a starting text for each part of the SOAP note ("Sore throat",
-- "Diabetes follow-up"), applied to a draft's empty parts. Retired, never deleted.
create table note_templates (
  tenant_id  uuid not null,
  id         uuid not null,
  clinic_id  uuid not null,
  name       text not null check (length(trim(name)) between 1 and 100),
  subjective text not null default '' check (length(subjective) <= 20000),
  objective  text not null default '' check (length(objective) <= 20000),
  assessment text not null default '' check (length(assessment) <= 20000),
  plan       text not null default '' check (length(plan) <= 20000),
  created_at timestamptz not null default now(),
  created_by uuid,
  retired_at timestamptz,
  retired_by uuid,
  primary key (tenant_id, id),
  foreign key (tenant_id, clinic_id) references clinics (tenant_id, id)
);
create unique index note_templates_name on note_templates (tenant_id, clinic_id, lower(name))
  where retired_at is null;
select enable_tenant_isolation('note_templates');
select audit_table('note_templates', 'id');
grant select, insert, update on note_templates to ${app_role};
