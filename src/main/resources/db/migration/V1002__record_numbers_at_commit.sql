-- Medical record numbers are given at commit instead of at the insert (issue 18). V410 numbered a
-- new patient in a BEFORE INSERT trigger under a per-organization lock that the registering
-- transaction then held to its end: a booking for a new patient kept every other registration of
-- the organization waiting through its busy-time insert, its appointment, its event publication
-- and its commit. Now a deferred constraint trigger numbers the patient when its transaction
-- commits: it takes the same lock, gives the organization's highest number plus one, and the
-- commit follows at once, so the lock is held for one update instead of a whole transaction.
-- The numbers stay gap-free and unique (a rolled-back transaction never reaches the trigger, an
-- insert the duplicate rule turns away queues none), and follow the order of commits. Inside the
-- registering transaction the new row's mrn is null. The update is an ordinary write: the audit
-- trigger records the number given, and row-level security applies (the application role runs it,
-- inside the transaction's tenant). A row inserted with its number keeps it.
drop trigger patients_assign_mrn on patients;
drop function patients_assign_mrn();
alter table patients alter column mrn drop not null;

create function patients_number_at_commit() returns trigger
language plpgsql as $$
begin
  perform pg_advisory_xact_lock(hashtextextended('patients-mrn:' || new.tenant_id, 0));
  -- a statement of its own after the lock, so that its snapshot sees the number the previous
  -- holder committed
  update patients
     set mrn = (select coalesce(max(mrn), 0) + 1 from patients where tenant_id = new.tenant_id)
   where tenant_id = new.tenant_id and id = new.id and mrn is null;
  return null;
end $$;
create constraint trigger patients_number_at_commit after insert on patients
  deferrable initially deferred
  for each row when (new.mrn is null) execute function patients_number_at_commit();
