-- The front desk: visits (a patient's passage through the clinic today, from a walk-in or a
-- booked appointment's check-in), their history, and the day's tokens.

-- Per clinic: tokens counted for the whole clinic or per doctor. No row means per clinic.
create table front_desk_settings (
  tenant_id   uuid not null references tenants (id),
  clinic_id   uuid not null,
  token_scope text not null default 'CLINIC' check (token_scope in ('CLINIC', 'DOCTOR')),
  primary key (tenant_id, clinic_id),
  foreign key (tenant_id, clinic_id) references clinics (tenant_id, id)
);
select enable_tenant_isolation('front_desk_settings');
select audit_table('front_desk_settings', 'clinic_id');
grant select, insert, update on front_desk_settings to ${app_role};

-- The last token issued per clinic, scope (a doctor's id, or the nil uuid for the whole clinic)
-- and clinic-local day; incremented with insert ... on conflict do update ... returning, so
-- concurrent check-ins never share a token.
create table token_counters (
  tenant_id uuid not null references tenants (id),
  clinic_id uuid not null,
  scope_key uuid not null,
  day       date not null,
  last      int not null check (last > 0),
  primary key (tenant_id, clinic_id, scope_key, day),
  foreign key (tenant_id, clinic_id) references clinics (tenant_id, id)
);
select enable_tenant_isolation('token_counters');
select audit_table('token_counters', 'clinic_id,scope_key,day');
grant select, insert, update on token_counters to ${app_role};

create table visits (
  tenant_id         uuid not null references tenants (id),
  id                uuid not null,
  clinic_id         uuid not null,
  patient_id        uuid not null,
  doctor_id         uuid references users (id),
  appointment_id    uuid,
  token             int not null check (token > 0),
  token_day         date not null,
  priority          text not null default 'NONE'
    check (priority in ('NONE', 'EMERGENCY', 'ELDERLY', 'FOLLOW_UP')),
  state             text not null default 'WAITING'
    check (state in ('WAITING', 'WITH_ASSISTANT', 'WITH_DOCTOR', 'DONE', 'CANCELED', 'NO_SHOW')),
  cancel_reason     text,
  created_at        timestamptz not null default now(),
  checked_in_by     uuid,
  assistant_at      timestamptz,
  assistant_by      uuid,
  doctor_at         timestamptz,
  doctor_by         uuid,
  done_at           timestamptz,
  done_by           uuid,
  canceled_at       timestamptz,
  canceled_by       uuid,
  no_show_at        timestamptz,
  no_show_by        uuid,
  version           int not null default 0,
  primary key (tenant_id, id),
  foreign key (tenant_id, clinic_id) references clinics (tenant_id, id),
  foreign key (tenant_id, patient_id) references patients (tenant_id, id),
  foreign key (tenant_id, appointment_id) references appointments (tenant_id, id),
  check ((state = 'CANCELED') = (cancel_reason is not null))
);
create index visits_queue on visits (tenant_id, clinic_id, token_day, state);
create unique index visits_one_per_appointment on visits (tenant_id, appointment_id)
  where appointment_id is not null;
select enable_tenant_isolation('visits');
select audit_table('visits', 'id');
grant select, insert, update on visits to ${app_role};

-- Every move of a visit, in order: from, to, when, by whom.
create table visit_transitions (
  tenant_id  uuid not null references tenants (id),
  id         uuid not null,
  visit_id   uuid not null,
  from_state text,
  to_state   text not null,
  at         timestamptz not null,
  by_user    uuid,
  primary key (tenant_id, id),
  foreign key (tenant_id, visit_id) references visits (tenant_id, id)
);
create index visit_transitions_by_visit on visit_transitions (tenant_id, visit_id, at);
select enable_tenant_isolation('visit_transitions');
select audit_table('visit_transitions', 'id');
grant select, insert on visit_transitions to ${app_role};
