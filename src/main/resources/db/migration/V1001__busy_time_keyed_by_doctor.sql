-- A doctor's busy time is keyed by the doctor first, (user_id, id), like every row that a
-- distributed database would place by its doctor (DESIGN §7): on Citus practitioner_busy can then be
-- distributed by user_id, where a key without it could not be enforced across shards. Every lookup
-- by id now also names the doctor (BusyTime.release, Waitlist.accept), so the key still serves it.
-- Nothing references the old key, and the exclusion constraints, which start with user_id, stay.
alter table practitioner_busy drop constraint practitioner_busy_pkey;
alter table practitioner_busy add primary key (user_id, id);
