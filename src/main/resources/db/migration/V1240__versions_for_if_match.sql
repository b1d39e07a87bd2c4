-- A version on every record /api/v1 updates that had none, so its GET answers the version as an
-- ETag and its update takes If-Match (docs/api/conventions.md, "Versions"). The version is bumped
-- by a trigger on every update of the row, whichever path writes it (the API, the web pages, a
-- job), so no writer can forget it. Adding a column needs no new policy: RLS and the audit
-- trigger stay as they are.
create function bump_version() returns trigger language plpgsql as $$
begin
  new.version := old.version + 1;
  return new;
end $$;

-- Records that always exist start at 0. Rows that stand for settings a clinic may never have
-- saved (no row: the defaults or the built-in wording, version 0) start at 1, so the first save
-- is a new version, not the defaults' 0 again.
do $$
declare
  t text;
begin
  foreach t in array array['clinics', 'billable_services', 'prescriptions', 'encounter_vitals']
  loop
    execute format('alter table %I add column version int not null default 0', t);
  end loop;
  foreach t in array array['booking_rules', 'message_templates', 'message_preferences',
                           'front_desk_settings', 'doctor_profiles', 'public_booking_countries']
  loop
    execute format('alter table %I add column version int not null default 1', t);
  end loop;
  foreach t in array array['clinics', 'billable_services', 'prescriptions', 'encounter_vitals',
                           'booking_rules', 'message_templates', 'message_preferences',
                           'front_desk_settings', 'doctor_profiles', 'public_booking_countries']
  loop
    execute format('create trigger bump_version before update on %I'
                   ' for each row execute function bump_version()', t);
  end loop;
end $$;

-- A finalized prescription still takes its voiding; its version may move with it (the version
-- is no clinical content), so the immutability check leaves it aside like the void columns.
create or replace function refuse_clinical_change() returns trigger language plpgsql as $$
declare
  locked boolean := true;
begin
  if tg_op = 'DELETE' then
    raise exception 'clinical records are never deleted: void % % instead', tg_table_name, old.id
      using errcode = 'check_violation';
  end if;
  if tg_table_name = 'clinical_notes' then
    locked := old.status = 'SIGNED';
  elsif tg_table_name = 'prescriptions' then
    locked := old.status = 'FINALIZED';
  end if;
  if locked and (old.voided_at is not null
      or (to_jsonb(new) - array['voided_at', 'voided_by', 'void_reason', 'version'])
         is distinct from (to_jsonb(old) - array['voided_at', 'voided_by', 'void_reason',
                                                  'version'])) then
    raise exception '% % is signed: it takes addenda, not changes', tg_table_name, old.id
      using errcode = 'check_violation';
  end if;
  return new;
end $$;
