-- refuse_clinical_change read old.status in one expression for every table, and tables without a
-- status (the addenda) failed with 'record "old" has no field "status"' on any update, their
-- voiding included. Each table now reads only its own columns.
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
      or (to_jsonb(new) - array['voided_at', 'voided_by', 'void_reason'])
         is distinct from (to_jsonb(old) - array['voided_at', 'voided_by', 'void_reason'])) then
    raise exception '% % is signed: it takes addenda, not changes', tg_table_name, old.id
      using errcode = 'check_violation';
  end if;
  return new;
end $$;
