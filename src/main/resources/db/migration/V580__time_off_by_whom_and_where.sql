-- Time off is recorded by someone, in an organization, and can be lifted (issue 15, item 10).
--
-- Before, any organization that shares a doctor could write leave as busy at every clinic of every
-- organization, for any length, and nobody else could remove it. Now:
--   * the doctor themself records their own leave or commitments: busy everywhere (as before);
--   * an organization records time off at its own clinic only (clinic_only): the doctor stays free
--     at every other organization's clinics, which neither see nor are blocked by it;
--   * each entry (entry_id; an organization's entry is one row per seat) is lifted by the doctor,
--     or by the organization that recorded it; its length and distance ahead are bounded in code.
alter table practitioner_busy
  add column entry_id uuid,
  add column clinic_only boolean not null default false,
  add column recorded_by uuid references users (id),
  add column recorded_by_tenant uuid references tenants (id);
-- Time off written before: each row an entry of its own, which the doctor may list and lift (who
-- recorded it is not known, so no organization may).
update practitioner_busy set entry_id = id where kind <> 'APPOINTMENT' and entry_id is null;
create index practitioner_busy_by_entry on practitioner_busy (entry_id) where entry_id is not null;

-- The two exclusion constraints of V500, restated: a doctor is in one place at a time, except
-- for an organization's clinic-only time off, which blocks only the seats of its own clinic. Seats
-- now count per clinic: rows at two clinics that overlap were already refused by the first
-- constraint, so this changes nothing for appointments and busy-everywhere leave.
do $$
declare
  c name;
begin
  for c in select conname from pg_constraint
           where conrelid = 'public.practitioner_busy'::regclass and contype = 'x' loop
    execute format('alter table practitioner_busy drop constraint %I', c);
  end loop;
end $$;
alter table practitioner_busy
  add constraint practitioner_busy_one_place_at_a_time
    exclude using gist (user_id with =, clinic_id with <>, period with &&) where (not clinic_only),
  add constraint practitioner_busy_seats
    exclude using gist (user_id with =, clinic_id with =, seat with =, period with &&);
