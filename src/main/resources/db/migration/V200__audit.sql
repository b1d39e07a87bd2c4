-- Audit: an append-only record of every write, every view of health data and every security
-- event, hash-chained per tenant by a background step.
--
-- Rows carry the tenant they belong to; events that belong to no tenant (a user's sign-in,
-- changes to global tables) carry the platform's own id, the nil UUID, which no tenant has.

create table audit_log (
  tenant_id   uuid not null,
  id          bigint generated always as identity,
  occurred_at timestamptz not null default clock_timestamp(),
  clinic_id   uuid,
  actor_id    uuid,
  actor_type  text not null check (actor_type in ('HUMAN', 'AGENT', 'SYSTEM')),
  db_user     text not null default session_user,
  kind        text not null check (kind in ('WRITE', 'ACCESS', 'SECURITY')),
  action      text not null,
  entity_type text not null,
  entity_id   text,
  patient_id  uuid,
  changes     jsonb,
  source      text,
  detail      text,
  -- the chain, filled in once by the chaining step and never changed after
  chain_seq   bigint,
  prev_hash   bytea,
  row_hash    bytea,
  primary key (tenant_id, id),
  unique (tenant_id, chain_seq)
);
create index audit_log_unchained on audit_log (tenant_id, id) where chain_seq is null;
create index audit_log_by_entity on audit_log (tenant_id, entity_type, entity_id);
create index audit_log_by_actor on audit_log (tenant_id, actor_id);
create index audit_log_by_patient on audit_log (tenant_id, patient_id, occurred_at desc)
  where patient_id is not null;
select enable_tenant_isolation('audit_log');
grant select, insert on audit_log to ${app_role};
grant update (chain_seq, prev_hash, row_hash) on audit_log to ${app_role};

-- Append-only: the recorded facts never change and rows are never deleted; the chain columns
-- are written once. Applies to every role; only the schema owner could disable it, and the
-- chain then shows what was touched.
create function audit_log_append_only() returns trigger
language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'audit rows are never deleted' using errcode = 'insufficient_privilege';
  end if;
  if old.row_hash is not null
     or (to_jsonb(new) - 'chain_seq' - 'prev_hash' - 'row_hash')
        is distinct from (to_jsonb(old) - 'chain_seq' - 'prev_hash' - 'row_hash') then
    raise exception 'audit rows are never changed' using errcode = 'insufficient_privilege';
  end if;
  return new;
end $$;
create trigger audit_log_append_only before update or delete on audit_log
  for each row execute function audit_log_append_only();

-- What the chain hashes for one row: every recorded fact, in a fixed order and form.
create function audit_row_text(r audit_log) returns text
language sql immutable as $$
  select concat_ws('|', r.tenant_id, r.id, to_char(r.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
                   r.clinic_id, r.actor_id, r.actor_type, r.db_user, r.kind, r.action, r.entity_type,
                   r.entity_id, r.patient_id, r.changes::text, r.source, r.detail)
$$;

-- The chaining step for the current tenant: links up to max_rows unchained rows, in the order
-- it finds them, each to the one before. Serialized per tenant by an advisory lock, so several
-- app instances may run it at once. Returns how many rows it linked.
create function audit_chain_step(max_rows int) returns int
language plpgsql as $$
declare
  tenant uuid := nullif(current_setting('app.tenant_id', true), '')::uuid;
  last_seq bigint;
  last_hash bytea;
  r audit_log;
  linked int := 0;
begin
  if tenant is null then
    raise exception 'no tenant in context';
  end if;
  perform pg_advisory_xact_lock(hashtextextended('audit-chain:' || tenant, 0));
  select chain_seq, row_hash into last_seq, last_hash
    from audit_log where tenant_id = tenant and chain_seq is not null
    order by chain_seq desc limit 1;
  last_seq := coalesce(last_seq, 0);
  last_hash := coalesce(last_hash, '\x'::bytea);
  for r in select * from audit_log where tenant_id = tenant and chain_seq is null
           order by id limit max_rows loop
    last_seq := last_seq + 1;
    update audit_log
       set chain_seq = last_seq, prev_hash = last_hash,
           row_hash = sha256(last_hash || convert_to(audit_row_text(r), 'UTF8'))
     where tenant_id = tenant and id = r.id
     returning row_hash into last_hash;
    linked := linked + 1;
  end loop;
  return linked;
end $$;
grant execute on function audit_chain_step(int) to ${app_role};

-- Verifies the current tenant's chain from its start; returns the id of the first row whose
-- link is broken (its content, its predecessor or its place changed), or null when intact.
create function audit_chain_first_broken() returns bigint
language plpgsql stable as $$
declare
  tenant uuid := nullif(current_setting('app.tenant_id', true), '')::uuid;
  expected_seq bigint := 0;
  expected_prev bytea := '\x'::bytea;
  r audit_log;
begin
  for r in select * from audit_log where tenant_id = tenant and chain_seq is not null
           order by chain_seq loop
    expected_seq := expected_seq + 1;
    if r.chain_seq <> expected_seq or r.prev_hash <> expected_prev
       or r.row_hash <> sha256(expected_prev || convert_to(audit_row_text(r), 'UTF8')) then
      return r.id;
    end if;
    expected_prev := r.row_hash;
  end loop;
  return null;
end $$;
grant execute on function audit_chain_first_broken() to ${app_role};

-- Records every insert, update and delete of the table it is attached to, whoever writes and
-- however (a service, a migration, plain SQL). Arguments: the columns that identify a row,
-- then the columns whose values must never be copied into the audit (secrets).
-- SECURITY DEFINER so that writes to global tables can be recorded under the platform's id.
-- No SET search_path clause: it costs a third of the trigger's time on every write. Instead the
-- one relation it names is schema-qualified, and the application role can create nothing.
create function audit_row_change() returns trigger
language plpgsql security definer as $$
declare
  old_row jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) end;
  new_row jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) end;
  row_data jsonb := coalesce(new_row, old_row);
  secret_columns text[] := coalesce(string_to_array(nullif(tg_argv[1], ''), ','), '{}');
  diff jsonb;
  entity text;
begin
  -- one set-based pass over the columns: those whose value differs, secrets masked
  select jsonb_object_agg(k.key, jsonb_strip_nulls(jsonb_build_object(
           'from', case when k.key = any(secret_columns) and old_row ? k.key then '"***"'::jsonb
                        else old_row -> k.key end,
           'to', case when k.key = any(secret_columns) and new_row ? k.key then '"***"'::jsonb
                      else new_row -> k.key end)))
    into diff
    from jsonb_object_keys(row_data) as k(key)
   where k.key not in ('version', 'updated_at', 'last_used_at')
     and (old_row -> k.key) is distinct from (new_row -> k.key);
  if diff is null then
    return null; -- an update that changed nothing worth recording
  end if;
  select string_agg(row_data ->> c, ':') into entity
    from unnest(string_to_array(tg_argv[0], ',')) c;
  insert into public.audit_log (tenant_id, clinic_id, actor_id, actor_type, kind, action,
                                entity_type, entity_id, patient_id, changes, db_user)
  values (
    coalesce((row_data ->> 'tenant_id')::uuid, '00000000-0000-0000-0000-000000000000'),
    coalesce((row_data ->> 'clinic_id')::uuid, nullif(current_setting('app.clinic_id', true), '')::uuid),
    nullif(current_setting('app.user_id', true), '')::uuid,
    coalesce(nullif(current_setting('app.actor_type', true), ''), 'SYSTEM'),
    'WRITE', tg_op, tg_table_name, entity,
    coalesce((row_data ->> 'patient_id')::uuid,
             case when tg_table_name = 'patients' then (row_data ->> 'id')::uuid end),
    diff, session_user);
  return null;
end $$;
revoke all on function audit_row_change() from public;

-- Attaches the audit trigger to a table; later migrations call it for each table they create.
create function audit_table(tbl regclass, id_columns text, secret_columns text default '')
returns void language plpgsql as $$
begin
  execute format('create trigger audit_row_change after insert or update or delete on %s '
                 || 'for each row execute function audit_row_change(%L, %L)',
                 tbl, id_columns, secret_columns);
end $$;
revoke all on function audit_table(regclass, text, text) from public;

select audit_table('tenants', 'id');
select audit_table('clinics', 'id');
select audit_table('clinic_slugs', 'slug');

-- How long each organization keeps its audit rows; at least seven years.
alter table tenants add column audit_retention_years int not null default 7
  check (audit_retention_years >= 7);

-- Records a view of health data or a security event for the current tenant (or, with none in
-- context, the platform). The tenant and actor come from the transaction, never from the
-- caller, so nobody can write into another tenant's trail.
create function audit_record(p_kind text, p_action text, p_entity_type text, p_entity_id text,
                             p_patient_id uuid, p_source text, p_detail text)
returns void language sql security definer set search_path = public as $$
  insert into audit_log (tenant_id, clinic_id, actor_id, actor_type, kind, action, entity_type,
                         entity_id, patient_id, source, detail, db_user)
  values (
    coalesce(nullif(current_setting('app.tenant_id', true), '')::uuid,
             '00000000-0000-0000-0000-000000000000'),
    nullif(current_setting('app.clinic_id', true), '')::uuid,
    nullif(current_setting('app.user_id', true), '')::uuid,
    coalesce(nullif(current_setting('app.actor_type', true), ''), 'SYSTEM'),
    p_kind, p_action, p_entity_type, p_entity_id, p_patient_id, left(p_source, 300),
    left(p_detail, 1000),
    session_user)
$$;
revoke all on function audit_record(text, text, text, text, uuid, text, text) from public;
grant execute on function audit_record(text, text, text, text, uuid, text, text) to ${app_role};
grant update (audit_retention_years) on tenants to ${app_role};
