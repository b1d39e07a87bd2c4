-- A booking's rows without foreign keys to parents that are never deleted (issue 18, item 3).
--
-- Each foreign key check takes a FOR KEY SHARE lock on its parent row, a statement run by a
-- trigger: a booking for a new patient took six (users twice, tenants twice, clinics, patients),
-- from practitioner_busy (its doctor), appointments (organization, clinic, doctor, patient) and
-- patients (organization). The other rows a booking writes (appointment_followups,
-- patient_record_numbers, the audit log) carry none; a webhook delivery, written only for an
-- organization with endpoints, keeps its key to its endpoint, and a claimed Idempotency-Key its
-- key to the organization. These six keys are dropped; what they proved now holds this way:
--
--   * The booking proves its parents before it writes, in its own transaction, under row-level
--     security: its one read of the doctor's window (DoctorWindows.forBooking) finds the clinic
--     in the organization (else 404 Clinic) and the doctor as an active doctor of that clinic (a
--     membership, itself a row with a foreign key to users; else 404 Doctor); a patient on file is
--     found (PatientDirectory.onFile, else 404 Patient); a new patient is inserted by the same
--     transaction before it commits, or the appointment is pointed at the patient the duplicate
--     rule found. The clinic is the organization's, so the organization exists; RLS's WITH CHECK
--     holds tenant_id to it. The other writers name parents proven the same way: a move or a
--     waitlist offer holds time for the doctor of an appointment or of a waitlist entry (whose
--     doctor, clinic and patient keys stay), time off is recorded for an active doctor of the
--     clinic or by the doctor themself, a merge points appointments at the surviving patient.
--   * What was proven once stays true: tenants, users, clinics and patients are never deleted
--     and their keys never change. The application role has no DELETE on any of them (nor
--     TRUNCATE), and no code deletes them: organizations and clinics are suspended or canceled,
--     users lose memberships, a merged patient is voided (DESIGN §4: records are voided, never
--     deleted). The triggers below make it hold for every role, the migration role included: a
--     delete, a truncate or a change of a key is refused. A foreign key (NO ACTION) refused the
--     same only for rows that something referenced.
--
-- The other foreign keys to these parents stay: they are not on the booking's path, and the
-- tables that keep them are written less often.
alter table practitioner_busy drop constraint practitioner_busy_user_id_fkey;
alter table appointments
  drop constraint appointments_tenant_id_fkey,
  drop constraint appointments_doctor_id_fkey,
  drop constraint appointments_tenant_id_clinic_id_fkey,
  drop constraint appointments_tenant_id_patient_id_fkey;
alter table patients drop constraint patients_tenant_id_fkey;

create function parent_rows_stay() returns trigger
language plpgsql as $$
begin
  raise exception '% rows are never deleted and their keys never change', tg_table_name
    using errcode = 'restrict_violation',
          hint = 'suspend, cancel or void it instead';
end $$;
revoke all on function parent_rows_stay() from public;

-- Each parent: a delete or a truncate refused, an update refused when it changes the key.
do $$
declare
  parent record;
begin
  for parent in select * from (values ('tenants', 'id'), ('users', 'id'),
                                      ('clinics', 'tenant_id, id'), ('patients', 'tenant_id, id'))
                                p(name, key)
  loop
    execute format('create trigger %I before delete on %I '
                   'for each row execute function parent_rows_stay()',
                   parent.name || '_never_deleted', parent.name);
    execute format('create trigger %I before truncate on %I '
                   'for each statement execute function parent_rows_stay()',
                   parent.name || '_never_truncated', parent.name);
    execute format('create trigger %I before update of %s on %I '
                   'for each row when ((%s) is distinct from (%s)) '
                   'execute function parent_rows_stay()',
                   parent.name || '_key_kept', parent.key, parent.name,
                   regexp_replace(parent.key, '(\w+)', 'old.\1', 'g'),
                   regexp_replace(parent.key, '(\w+)', 'new.\1', 'g'));
  end loop;
end $$;
