-- Scheduling: doctors' hours per clinic, booking rules, appointments, and the global busy-time
-- table that keeps a doctor in one place at a time, across clinics and organizations.

-- Global: a doctor's busy intervals, free/busy only (no patient, no details). Two exclusion
-- constraints make double booking impossible in the database itself:
--   * at two different clinics, a doctor's intervals never overlap;
--   * at one clinic, overlapping intervals need different seats, and seats run 1..N where N is
--     the clinic's overbooking allowance, so at most N patients share a slot.
-- Leave and other commitments block every clinic: they carry the nil clinic id.
create table practitioner_busy (
  id        uuid primary key,
  user_id   uuid not null references users (id),
  clinic_id uuid not null,
  period    tstzrange not null check (not isempty(period)),
  seat      int not null check (seat >= 1),
  kind      text not null check (kind in ('APPOINTMENT', 'LEAVE', 'COMMITMENT')),
  exclude using gist (user_id with =, clinic_id with <>, period with &&),
  exclude using gist (user_id with =, seat with =, period with &&)
);
create index practitioner_busy_by_user on practitioner_busy using gist (user_id, period);
grant select, insert, delete on practitioner_busy to ${app_role};
select audit_table('practitioner_busy', 'id');

-- Recurring weekly hours of a doctor at a clinic, in the clinic's time zone.
create table weekly_hours (
  tenant_id   uuid not null references tenants (id),
  id          uuid not null,
  clinic_id   uuid not null,
  doctor_id   uuid not null references users (id),
  weekday     int not null check (weekday between 1 and 7),
  starts      time not null,
  ends        time not null check (ends > starts),
  valid_from  date,
  valid_until date,
  primary key (tenant_id, id),
  foreign key (tenant_id, clinic_id) references clinics (tenant_id, id)
);
create index weekly_hours_by_doctor on weekly_hours (tenant_id, clinic_id, doctor_id);
select enable_tenant_isolation('weekly_hours');
select audit_table('weekly_hours', 'id');
grant select, insert, update, delete on weekly_hours to ${app_role};

-- Dated exceptions: extra hours on a day, or a day's hours replaced, or a day off at one clinic.
create table hours_overrides (
  tenant_id uuid not null references tenants (id),
  id        uuid not null,
  clinic_id uuid not null,
  doctor_id uuid not null references users (id),
  day       date not null,
  kind      text not null check (kind in ('EXTRA', 'REPLACE', 'OFF')),
  starts    time,
  ends      time,
  primary key (tenant_id, id),
  foreign key (tenant_id, clinic_id) references clinics (tenant_id, id),
  check ((kind = 'OFF') = (starts is null and ends is null)),
  check (starts is null or ends > starts)
);
select enable_tenant_isolation('hours_overrides');
select audit_table('hours_overrides', 'id');
grant select, insert, update, delete on hours_overrides to ${app_role};

-- Booking rules per clinic, optionally per service type ('' is the clinic's default).
create table booking_rules (
  tenant_id          uuid not null references tenants (id),
  clinic_id          uuid not null,
  service_type       text not null default '',
  duration_minutes   int not null default 15 check (duration_minutes between 5 and 480),
  buffer_before      int not null default 0 check (buffer_before between 0 and 120),
  buffer_after       int not null default 0 check (buffer_after between 0 and 120),
  min_notice_minutes int not null default 60 check (min_notice_minutes >= 0),
  horizon_days       int not null default 60 check (horizon_days between 1 and 365),
  alignment_minutes  int not null default 15 check (alignment_minutes between 5 and 120),
  daily_cap          int check (daily_cap > 0),
  seats              int not null default 1 check (seats between 1 and 10),
  primary key (tenant_id, clinic_id, service_type),
  foreign key (tenant_id, clinic_id) references clinics (tenant_id, id)
);
select enable_tenant_isolation('booking_rules');
select audit_table('booking_rules', 'clinic_id,service_type');
grant select, insert, update on booking_rules to ${app_role};

create table appointments (
  tenant_id     uuid not null references tenants (id),
  id            uuid not null,
  clinic_id     uuid not null,
  doctor_id     uuid not null references users (id),
  patient_id    uuid not null,
  service_type  text not null default '',
  starts_at     timestamptz not null,
  ends_at       timestamptz not null check (ends_at > starts_at),
  status        text not null default 'BOOKED'
    check (status in ('BOOKED', 'ARRIVED', 'FULFILLED', 'CANCELLED', 'NOSHOW')),
  busy_id       uuid,
  seat          int,
  source        text not null check (source in ('STAFF', 'PATIENT', 'AGENT')),
  cancel_reason text,
  version       int not null default 0,
  created_at    timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, clinic_id) references clinics (tenant_id, id),
  foreign key (tenant_id, patient_id) references patients (tenant_id, id)
);
create index appointments_by_doctor on appointments (tenant_id, doctor_id, starts_at);
create index appointments_by_clinic on appointments (tenant_id, clinic_id, starts_at);
create index appointments_by_patient on appointments (tenant_id, patient_id, starts_at);
select enable_tenant_isolation('appointments');
select audit_table('appointments', 'id');
grant select, insert, update on appointments to ${app_role};
