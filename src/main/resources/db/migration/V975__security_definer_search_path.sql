-- Every SECURITY DEFINER function runs with a pinned search_path, pg_temp last. With
-- "set search_path = public" PostgreSQL still searches the caller's temporary schema first for
-- tables and types, so a session could shadow a table a definer function reads with a temporary
-- one of the same name and have the function (running as the migration role, bypassing row-level
-- security) read or write it instead. Functions created after this migration name the same path in
-- their definition; a catalog test (SecurityDefinerCatalogTests) keeps it so.
do $$
declare
  f regprocedure;
begin
  for f in select p.oid::regprocedure from pg_proc p
           where p.prosecdef and p.pronamespace = 'public'::regnamespace
             and p.proname <> 'audit_row_change' loop
    execute format('alter function %s set search_path = pg_catalog, public, pg_temp', f);
  end loop;
end $$;

-- The audit trigger runs on every write, and a SET clause costs a third of its time (V200), so it
-- stays unpinned and names the schema of every relation, type and function it uses instead: a
-- temporary table or type cannot shadow any of them, and the application role can create nothing
-- in a schema of its own. Otherwise as in V200.
create or replace function audit_row_change() returns trigger
language plpgsql security definer as $$
declare
  old_row pg_catalog.jsonb := case when tg_op <> 'INSERT' then pg_catalog.to_jsonb(old) end;
  new_row pg_catalog.jsonb := case when tg_op <> 'DELETE' then pg_catalog.to_jsonb(new) end;
  row_data pg_catalog.jsonb := coalesce(new_row, old_row);
  secret_columns pg_catalog.text[] :=
    coalesce(pg_catalog.string_to_array(nullif(tg_argv[1], ''), ','), '{}');
  diff pg_catalog.jsonb;
  entity pg_catalog.text;
begin
  -- one set-based pass over the columns: those whose value differs, secrets masked
  select pg_catalog.jsonb_object_agg(k.key, pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
           'from', case when k.key = any(secret_columns) and old_row ? k.key
                        then '"***"'::pg_catalog.jsonb else old_row -> k.key end,
           'to', case when k.key = any(secret_columns) and new_row ? k.key
                      then '"***"'::pg_catalog.jsonb else new_row -> k.key end)))
    into diff
    from pg_catalog.jsonb_object_keys(row_data) as k(key)
   where k.key not in ('version', 'updated_at', 'last_used_at')
     and (old_row -> k.key) is distinct from (new_row -> k.key);
  if diff is null then
    return null; -- an update that changed nothing worth recording
  end if;
  select pg_catalog.string_agg(row_data ->> c, ':') into entity
    from pg_catalog.unnest(pg_catalog.string_to_array(tg_argv[0], ',')) c;
  insert into public.audit_log (tenant_id, clinic_id, actor_id, actor_type, kind, action,
                                entity_type, entity_id, patient_id, changes, db_user)
  values (
    coalesce((row_data ->> 'tenant_id')::pg_catalog.uuid, '00000000-0000-0000-0000-000000000000'),
    coalesce((row_data ->> 'clinic_id')::pg_catalog.uuid,
             nullif(pg_catalog.current_setting('app.clinic_id', true), '')::pg_catalog.uuid),
    nullif(pg_catalog.current_setting('app.user_id', true), '')::pg_catalog.uuid,
    coalesce(nullif(pg_catalog.current_setting('app.actor_type', true), ''), 'SYSTEM'),
    'WRITE', tg_op, tg_table_name, entity,
    coalesce((row_data ->> 'patient_id')::pg_catalog.uuid,
             case when tg_table_name = 'patients' then (row_data ->> 'id')::pg_catalog.uuid end),
    diff, session_user);
  return null;
end $$;
revoke all on function audit_row_change() from public;
