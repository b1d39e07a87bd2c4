-- Clinical records: the encounter of a visit, its vitals, the SOAP note (draft, then signed, then
-- only addenda) and prescriptions (draft, then finalized, then only addenda). Never deleted:
-- voided with reason, actor and time. What is signed or finalized is refused any change here in
-- the database too, whoever writes.

create table encounters (
  tenant_id  uuid not null references tenants (id),
  id         uuid not null,
  clinic_id  uuid not null,
  visit_id   uuid not null,
  patient_id uuid not null,
  opened_at  timestamptz not null default now(),
  opened_by  uuid,
  primary key (tenant_id, id),
  unique (tenant_id, visit_id),
  foreign key (tenant_id, clinic_id) references clinics (tenant_id, id),
  foreign key (tenant_id, visit_id) references visits (tenant_id, id),
  foreign key (tenant_id, patient_id) references patients (tenant_id, id)
);
create index encounters_by_patient on encounters (tenant_id, patient_id);
select enable_tenant_isolation('encounters');
select audit_table('encounters', 'id');
grant select, insert on encounters to ${app_role};

-- A set of vital signs; each measure optional, each within a plausible range.
create table encounter_vitals (
  tenant_id        uuid not null,
  id               uuid not null,
  encounter_id     uuid not null,
  systolic         int check (systolic between 50 and 260),
  diastolic        int check (diastolic between 30 and 160),
  pulse            int check (pulse between 20 and 250),
  temperature      numeric(4, 1) check (temperature between 30 and 45),
  respiratory_rate int check (respiratory_rate between 4 and 80),
  oxygen           int check (oxygen between 50 and 100),
  weight           numeric(5, 1) check (weight between 0.3 and 400),
  height           numeric(4, 1) check (height between 20 and 250),
  recorded_at      timestamptz not null default now(),
  recorded_by      uuid,
  voided_at        timestamptz,
  voided_by        uuid,
  void_reason      text check (length(void_reason) <= 500),
  primary key (tenant_id, id),
  foreign key (tenant_id, encounter_id) references encounters (tenant_id, id),
  check ((voided_at is null) = (void_reason is null))
);
create index encounter_vitals_by_encounter on encounter_vitals (tenant_id, encounter_id);
select enable_tenant_isolation('encounter_vitals');
select audit_table('encounter_vitals', 'id');
grant select, insert, update on encounter_vitals to ${app_role};

-- The SOAP note of an encounter (one).
create table clinical_notes (
  tenant_id    uuid not null,
  id           uuid not null,
  encounter_id uuid not null,
  subjective   text not null default '' check (length(subjective) <= 20000),
  objective    text not null default '' check (length(objective) <= 20000),
  assessment   text not null default '' check (length(assessment) <= 20000),
  diagnosis    text check (length(diagnosis) <= 500),
  icd10        text check (icd10 ~ '^[A-TV-Z][0-9][0-9AB](\.[0-9A-TV-Z]{1,4})?$'),
  plan         text not null default '' check (length(plan) <= 20000),
  status       text not null default 'DRAFT' check (status in ('DRAFT', 'SIGNED')),
  author_id    uuid,
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now(),
  version      int not null default 0,
  signed_at    timestamptz,
  signed_by    uuid,
  voided_at    timestamptz,
  voided_by    uuid,
  void_reason  text check (length(void_reason) <= 500),
  primary key (tenant_id, id),
  unique (tenant_id, encounter_id),
  foreign key (tenant_id, encounter_id) references encounters (tenant_id, id),
  check ((status = 'SIGNED') = (signed_at is not null)),
  check ((voided_at is null) = (void_reason is null))
);
select enable_tenant_isolation('clinical_notes');
select audit_table('clinical_notes', 'id');
grant select, insert, update on clinical_notes to ${app_role};

-- An addendum to a signed note: signed by its author as it is written, unchangeable after.
create table note_addenda (
  tenant_id   uuid not null,
  id          uuid not null,
  note_id     uuid not null,
  body        text not null check (length(trim(body)) between 1 and 20000),
  signed_at   timestamptz not null default now(),
  signed_by   uuid,
  voided_at   timestamptz,
  voided_by   uuid,
  void_reason text check (length(void_reason) <= 500),
  primary key (tenant_id, id),
  foreign key (tenant_id, note_id) references clinical_notes (tenant_id, id),
  check ((voided_at is null) = (void_reason is null))
);
create index note_addenda_by_note on note_addenda (tenant_id, note_id);
select enable_tenant_isolation('note_addenda');
select audit_table('note_addenda', 'id');
grant select, insert, update on note_addenda to ${app_role};

create table prescriptions (
  tenant_id         uuid not null,
  id                uuid not null,
  encounter_id      uuid not null,
  status            text not null default 'DRAFT' check (status in ('DRAFT', 'FINALIZED')),
  verification_code text not null,
  author_id         uuid,
  created_at        timestamptz not null default now(),
  finalized_at      timestamptz,
  finalized_by      uuid,
  voided_at         timestamptz,
  voided_by         uuid,
  void_reason       text check (length(void_reason) <= 500),
  primary key (tenant_id, id),
  unique (tenant_id, verification_code),
  foreign key (tenant_id, encounter_id) references encounters (tenant_id, id),
  check ((status = 'FINALIZED') = (finalized_at is not null)),
  check ((voided_at is null) = (void_reason is null))
);
-- the public verification page finds a prescription by its code alone (60 random bits)
create index prescriptions_by_code on prescriptions (verification_code);
create index prescriptions_by_encounter on prescriptions (tenant_id, encounter_id);
select enable_tenant_isolation('prescriptions');
select audit_table('prescriptions', 'id');
grant select, insert, update on prescriptions to ${app_role};

create table prescription_items (
  tenant_id       uuid not null,
  id              uuid not null,
  prescription_id uuid not null,
  position        int not null check (position > 0),
  drug            text not null check (length(trim(drug)) between 1 and 200),
  strength        text check (length(strength) <= 100),
  form            text check (length(form) <= 100),
  dose            text check (length(dose) <= 100),
  frequency       text check (length(frequency) <= 100),
  duration        text check (length(duration) <= 100),
  route           text check (length(route) <= 100),
  instructions    text check (length(instructions) <= 1000),
  created_at      timestamptz not null default now(),
  created_by      uuid,
  voided_at       timestamptz,
  voided_by       uuid,
  void_reason     text check (length(void_reason) <= 500),
  primary key (tenant_id, id),
  foreign key (tenant_id, prescription_id) references prescriptions (tenant_id, id),
  check ((voided_at is null) = (void_reason is null))
);
create index prescription_items_by_prescription on prescription_items (tenant_id, prescription_id);
select enable_tenant_isolation('prescription_items');
select audit_table('prescription_items', 'id');
grant select, insert, update on prescription_items to ${app_role};

create table prescription_addenda (
  tenant_id       uuid not null,
  id              uuid not null,
  prescription_id uuid not null,
  body            text not null check (length(trim(body)) between 1 and 20000),
  signed_at       timestamptz not null default now(),
  signed_by       uuid,
  voided_at       timestamptz,
  voided_by       uuid,
  void_reason     text check (length(void_reason) <= 500),
  primary key (tenant_id, id),
  foreign key (tenant_id, prescription_id) references prescriptions (tenant_id, id),
  check ((voided_at is null) = (void_reason is null))
);
create index prescription_addenda_by_prescription
  on prescription_addenda (tenant_id, prescription_id);
select enable_tenant_isolation('prescription_addenda');
select audit_table('prescription_addenda', 'id');
grant select, insert, update on prescription_addenda to ${app_role};

-- Immutability, whoever writes: no row is ever deleted; a signed or finalized record (and an
-- addendum, signed as written) takes no change but its voiding, once.
create function refuse_clinical_change() returns trigger language plpgsql as $$
declare
  locked boolean;
begin
  if tg_op = 'DELETE' then
    raise exception 'clinical records are never deleted: void % % instead', tg_table_name, old.id
      using errcode = 'check_violation';
  end if;
  locked := case tg_table_name
    when 'clinical_notes' then old.status = 'SIGNED'
    when 'prescriptions' then old.status = 'FINALIZED'
    else true
  end;
  if locked and (old.voided_at is not null
      or (to_jsonb(new) - array['voided_at', 'voided_by', 'void_reason'])
         is distinct from (to_jsonb(old) - array['voided_at', 'voided_by', 'void_reason'])) then
    raise exception '% % is signed: it takes addenda, not changes', tg_table_name, old.id
      using errcode = 'check_violation';
  end if;
  return case tg_op when 'DELETE' then old else new end;
end $$;

create trigger refuse_clinical_change before update or delete on clinical_notes
  for each row execute function refuse_clinical_change();
create trigger refuse_clinical_change before update or delete on note_addenda
  for each row execute function refuse_clinical_change();
create trigger refuse_clinical_change before update or delete on prescriptions
  for each row execute function refuse_clinical_change();
create trigger refuse_clinical_change before update or delete on prescription_addenda
  for each row execute function refuse_clinical_change();

-- An item of a finalized prescription takes no change (its voiding included: the prescription is
-- voided as a whole), and none is added to it.
create function refuse_final_item_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'clinical records are never deleted: void prescription item % instead', old.id
      using errcode = 'check_violation';
  end if;
  if exists (select 1 from prescriptions p
             where p.tenant_id = new.tenant_id and p.id = new.prescription_id
               and p.status = 'FINALIZED') then
    raise exception 'prescription % is finalized: it takes addenda, not changes',
      new.prescription_id using errcode = 'check_violation';
  end if;
  return new;
end $$;

create trigger refuse_final_item_change before insert or update or delete on prescription_items
  for each row execute function refuse_final_item_change();

-- The public verification page: a prescription's code -> its tenant and id, routing only.
create function prescription_by_code(p_code text)
returns table (tenant_id uuid, id uuid)
language sql stable security definer set search_path = public as $$
  select tenant_id, id from prescriptions where verification_code = p_code limit 1
$$;
revoke all on function prescription_by_code(text) from public;
grant execute on function prescription_by_code(text) to ${app_role};
