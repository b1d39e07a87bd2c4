-- A doctor's hours at a clinic (the weekly hours, replaced whole, and the dated exceptions) are a
-- set of rows with no row of their own to version; this row is it. Every change of the set moves
-- the version (Hours.bump, in the change's transaction, which also locks it), so /api/v1 answers
-- it as the ETag of GET /doctors/{id}/hours and takes it as If-Match on PUT .../hours and POST
-- .../day-overrides. No row: version 0 (nothing changed since hours began to be versioned).
create table doctor_schedules (
  tenant_id uuid not null references tenants (id),
  clinic_id uuid not null,
  doctor_id uuid not null references users (id),
  version   int not null default 1,
  primary key (tenant_id, clinic_id, doctor_id),
  foreign key (tenant_id, clinic_id) references clinics (tenant_id, id)
);
select enable_tenant_isolation('doctor_schedules');
select audit_table('doctor_schedules', 'clinic_id,doctor_id');
grant select, insert, update on doctor_schedules to ${app_role};
