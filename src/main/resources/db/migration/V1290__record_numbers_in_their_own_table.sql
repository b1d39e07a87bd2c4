-- Medical record numbers in a table of their own, given when the registering transaction commits
-- (issue 18, "one write"). V410 numbered a new patient in a BEFORE INSERT trigger under a
-- per-organization lock that the registering transaction held to its end: a booking for a new
-- patient kept every other registration of the organization waiting through its busy time, its
-- appointment, its events and its commit. Giving the number at commit by updating the patient row
-- (branch numbers18) removed that wait but wrote each new patient row twice (mrn is indexed, so no
-- HOT update: every index of patients again) and added an audit row. Here the number is a row of
-- its own, inserted by a deferred constraint trigger when the transaction commits: the lock is
-- held from that step to the commit, the patient row is written once.
--
-- Numbers stay 1, 2, 3… per organization, unique (the unique key), without gaps (a rolled-back
-- transaction never reaches the trigger; if the commit fails after it, the number goes with the
-- transaction; an insert the duplicate rule turns away queues none) and in the order of commits.
-- Inside the registering transaction the patient has no number yet.
--
-- Audit: the table is not audited row by row (audit.AuditExclusions says why). The patient's own
-- insert is audited (who registered whom, when); the number follows from the commit order, is
-- written only by the trigger below (the application role may only read it) and never changes or
-- goes (updates and deletes are refused like the audit trail's), so the table is its own record.
--
-- No foreign key to patients: the trigger writes a number only for a patient its transaction has
-- just inserted, and patients are never deleted (the application role has no DELETE on them; a
-- duplicate is voided), so the key's check at each insert would prove nothing more.
create table patient_record_numbers (
  tenant_id  uuid not null,
  patient_id uuid not null,
  mrn        bigint not null check (mrn >= 1),
  primary key (tenant_id, patient_id),
  constraint patient_record_numbers_unique unique (tenant_id, mrn)
);
insert into patient_record_numbers (tenant_id, patient_id, mrn)
select tenant_id, id, mrn from patients;
select enable_tenant_isolation('patient_record_numbers');
grant select on patient_record_numbers to ${app_role};

create function patient_record_numbers_given_once() returns trigger
language plpgsql as $$
begin
  raise exception 'record numbers are given once and never changed or taken back'
    using errcode = 'insufficient_privilege';
end $$;
create trigger patient_record_numbers_given_once before update or delete on patient_record_numbers
  for each row execute function patient_record_numbers_given_once();
create trigger patient_record_numbers_never_truncated before truncate on patient_record_numbers
  for each statement execute function patient_record_numbers_given_once();

drop trigger patients_assign_mrn on patients;
drop function patients_assign_mrn();
alter table patients drop column mrn; -- and with it the unique key patients_mrn

-- At commit: the organization's highest number plus one, under the per-organization lock; the
-- insert is a statement of its own after the lock, so its snapshot sees the number the previous
-- holder committed. Security definer: only this function writes numbers.
create function patients_number_at_commit() returns trigger
language plpgsql security definer set search_path = pg_catalog, public, pg_temp as $$
begin
  perform pg_advisory_xact_lock(hashtextextended('patients-mrn:' || new.tenant_id, 0));
  insert into public.patient_record_numbers (tenant_id, patient_id, mrn)
  select new.tenant_id, new.id, coalesce(max(n.mrn), 0) + 1
    from public.patient_record_numbers n where n.tenant_id = new.tenant_id;
  return null;
end $$;
revoke all on function patients_number_at_commit() from public;
create constraint trigger patients_number_at_commit after insert on patients
  deferrable initially deferred
  for each row execute function patients_number_at_commit();

-- Every read of a patient with its number goes through this view (null until the registering
-- transaction commits). security_invoker: the reader's row-level security applies to both tables.
-- A migration that adds a column to patients recreates the view, which lists patients' columns as
-- they were when it was made.
create view patients_numbered with (security_invoker = true) as
select p.*, n.mrn
  from patients p
  left join patient_record_numbers n on n.tenant_id = p.tenant_id and n.patient_id = p.id;
grant select on patients_numbered to ${app_role};
