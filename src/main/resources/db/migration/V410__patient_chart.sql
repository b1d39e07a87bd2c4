-- The patient chart: more demographics and contacts, the medical record number, national and
-- insurance ids (encrypted, found through a keyed hash), emergency contacts, consents, tags,
-- guardians, and voiding (a merged duplicate is voided and points at the record it joined).

alter table patients
  add column other_name            text check (length(trim(other_name)) between 1 and 200),
  add column other_name_normalized text,
  add column alternate_phone_e164  text check (alternate_phone_e164 ~ '^\+[1-9][0-9]{6,14}$'),
  add column email                 text check (length(email) <= 254 and email ~ '^[^@\s]+@[^@\s]+$'),
  add column address               text check (length(address) <= 500),
  add column mrn                   bigint,
  add column voided_at             timestamptz,
  add column voided_by             uuid,
  add column void_reason           text check (length(void_reason) <= 500),
  add column merged_into           uuid,
  add constraint patients_voided_with_reason check ((voided_at is null) = (void_reason is null)),
  add constraint patients_merged_elsewhere check (merged_into <> id),
  add constraint patients_merged_into foreign key (tenant_id, merged_into)
    references patients (tenant_id, id);

-- Medical record numbers: 1, 2, 3… per organization in order of registration, also for the
-- patients registered before numbers existed. The database gives each new patient the
-- organization's highest number plus one, whoever inserts and however, under a per-organization
-- lock held until the inserting transaction ends: concurrent registrations queue, a rolled-back
-- one gives its number back, and an insert the duplicate rule turns away takes none. (A sequence
-- would skip the numbers of rolled-back transactions.)
update patients p set mrn = numbered.n
  from (select tenant_id, id, row_number() over (partition by tenant_id order by created_at, id) n
          from patients) numbered
 where p.tenant_id = numbered.tenant_id and p.id = numbered.id;
alter table patients alter column mrn set not null;
alter table patients add constraint patients_mrn unique (tenant_id, mrn);

create function patients_assign_mrn() returns trigger
language plpgsql as $$
begin
  if new.mrn is null then
    perform pg_advisory_xact_lock(hashtextextended('patients-mrn:' || new.tenant_id, 0));
    select coalesce(max(mrn), 0) + 1 into new.mrn from patients where tenant_id = new.tenant_id;
  end if;
  return new;
end $$;
create trigger patients_assign_mrn before insert on patients
  for each row execute function patients_assign_mrn();

-- The duplicate rule holds among records in use: a voided (merged) record no longer claims its
-- phone and name.
drop index patients_duplicate_rule;
create unique index patients_duplicate_rule on patients (tenant_id, phone_e164, name_normalized)
  where phone_e164 is not null and voided_at is null;
create index patients_by_birth on patients (tenant_id, date_of_birth) where voided_at is null;
create index patients_by_other_name on patients using gin (other_name_normalized gin_trgm_ops);

-- Each organization's key for the keyed hash (HMAC-SHA256) of identifiers: random, stored sealed
-- by the organization's data key (Encryption), which the master key wraps.
create table patient_search_keys (
  tenant_id  uuid primary key references tenants (id),
  sealed_key bytea not null,
  created_at timestamptz not null default now()
);
select enable_tenant_isolation('patient_search_keys');
grant select, insert on patient_search_keys to ${app_role};
select audit_table('patient_search_keys', 'tenant_id', 'sealed_key');

-- National and insurance ids: the value only encrypted, plus its keyed hash for exact search.
create table patient_identifiers (
  tenant_id    uuid not null,
  id           uuid not null,
  patient_id   uuid not null,
  kind         text not null check (kind in ('NATIONAL_ID', 'PASSPORT', 'INSURANCE', 'OTHER')),
  issuer       text check (length(issuer) <= 100),
  value_sealed bytea not null,
  value_hash   bytea not null,
  created_at   timestamptz not null default now(),
  created_by   uuid,
  voided_at    timestamptz,
  voided_by    uuid,
  void_reason  text check (length(void_reason) <= 500),
  primary key (tenant_id, id),
  foreign key (tenant_id, patient_id) references patients (tenant_id, id),
  check ((voided_at is null) = (void_reason is null))
);
-- one person per id and kind among records in use: a second patient with it is a duplicate
create unique index patient_identifiers_unique on patient_identifiers (tenant_id, kind, value_hash)
  where voided_at is null;
create index patient_identifiers_by_hash on patient_identifiers (tenant_id, value_hash);
create index patient_identifiers_by_patient on patient_identifiers (tenant_id, patient_id);
select enable_tenant_isolation('patient_identifiers');
grant select, insert, update on patient_identifiers to ${app_role};
select audit_table('patient_identifiers', 'id', 'value_sealed,value_hash');

create table patient_contacts (
  tenant_id    uuid not null,
  id           uuid not null,
  patient_id   uuid not null,
  name         text not null check (length(trim(name)) between 1 and 200),
  relationship text check (length(relationship) <= 100),
  phone_e164   text check (phone_e164 ~ '^\+[1-9][0-9]{6,14}$'),
  created_at   timestamptz not null default now(),
  created_by   uuid,
  voided_at    timestamptz,
  voided_by    uuid,
  void_reason  text check (length(void_reason) <= 500),
  primary key (tenant_id, id),
  foreign key (tenant_id, patient_id) references patients (tenant_id, id),
  check ((voided_at is null) = (void_reason is null))
);
create index patient_contacts_by_patient on patient_contacts (tenant_id, patient_id);
select enable_tenant_isolation('patient_contacts');
grant select, insert, update on patient_contacts to ${app_role};
select audit_table('patient_contacts', 'id');

-- Consents: every grant or withdrawal is a row of its own; the newest per kind is in force.
create table patient_consents (
  tenant_id   uuid not null,
  id          uuid not null,
  patient_id  uuid not null,
  kind        text not null
    check (kind in ('TREATMENT', 'DATA_PROCESSING', 'REMINDERS', 'MARKETING', 'RESEARCH')),
  granted     boolean not null,
  decided_on  date not null,
  channel     text not null
    check (channel in ('PAPER', 'VERBAL', 'ELECTRONIC', 'WHATSAPP', 'SMS', 'EMAIL')),
  note        text check (length(note) <= 500),
  created_at  timestamptz not null default now(),
  created_by  uuid,
  voided_at   timestamptz,
  voided_by   uuid,
  void_reason text check (length(void_reason) <= 500),
  primary key (tenant_id, id),
  foreign key (tenant_id, patient_id) references patients (tenant_id, id),
  check ((voided_at is null) = (void_reason is null))
);
create index patient_consents_by_patient on patient_consents (tenant_id, patient_id);
select enable_tenant_isolation('patient_consents');
grant select, insert, update on patient_consents to ${app_role};
select audit_table('patient_consents', 'id');

-- Tags are labels, not clinical data: removing one deletes it (the audit keeps the fact).
create table patient_tags (
  tenant_id  uuid not null,
  patient_id uuid not null,
  tag        text not null check (length(tag) between 1 and 40),
  created_at timestamptz not null default now(),
  primary key (tenant_id, patient_id, tag),
  foreign key (tenant_id, patient_id) references patients (tenant_id, id)
);
create index patient_tags_by_tag on patient_tags (tenant_id, tag);
select enable_tenant_isolation('patient_tags');
grant select, insert, delete on patient_tags to ${app_role};
select audit_table('patient_tags', 'patient_id,tag');

-- A guardian is another patient of the organization (a parent of a minor, say).
create table patient_guardians (
  tenant_id    uuid not null,
  id           uuid not null,
  patient_id   uuid not null,
  guardian_id  uuid not null,
  relationship text check (length(relationship) <= 100),
  created_at   timestamptz not null default now(),
  created_by   uuid,
  voided_at    timestamptz,
  voided_by    uuid,
  void_reason  text check (length(void_reason) <= 500),
  primary key (tenant_id, id),
  foreign key (tenant_id, patient_id) references patients (tenant_id, id),
  foreign key (tenant_id, guardian_id) references patients (tenant_id, id),
  check (patient_id <> guardian_id),
  check ((voided_at is null) = (void_reason is null))
);
create unique index patient_guardians_once on patient_guardians (tenant_id, patient_id, guardian_id)
  where voided_at is null;
create index patient_guardians_by_guardian on patient_guardians (tenant_id, guardian_id);
select enable_tenant_isolation('patient_guardians');
grant select, insert, update on patient_guardians to ${app_role};
select audit_table('patient_guardians', 'id');
