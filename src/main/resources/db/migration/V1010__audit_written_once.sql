-- Audit rows written once (issue 18, item 4). The chain leaves audit_log for a table of its own:
-- a chaining step no longer updates every audit row (a second heap tuple and a second entry in
-- every index, then a dead tuple for vacuum), it appends one link per tenant and step. The
-- application role can no longer change audit rows, nor change or delete the chain.
--
-- A link covers the tenant's next rows in id order, up to an id below which every transaction
-- has ended (audit_chain_marker), so a row committed late under a smaller id is never skipped.
-- It keeps each row's hash (SHA-256 of audit_row_text, 32 bytes each, in order), and its own
-- hash chains it to the link before: link_hash = sha256(prev_hash || row_hashes). The application
-- role appends links (the chaining step runs as it, under row-level security) but can neither
-- change nor delete one.
--
-- Rows chained in place before this migration are linked again from the first, in the same
-- order, by the first chaining passes: the facts they hash are the same.

-- The append-only guard no longer has chain columns to let through: nothing changes, ever.
create or replace function audit_log_append_only() returns trigger
language plpgsql as $$
begin
  if tg_op = 'UPDATE' then
    raise exception 'audit rows are never changed' using errcode = 'insufficient_privilege';
  end if;
  raise exception 'audit rows are never deleted' using errcode = 'insufficient_privilege';
end $$;
create trigger audit_log_never_truncated before truncate on audit_log
  for each statement execute function audit_log_append_only();

drop function audit_unchained_tenants();
drop index audit_log_unchained;
alter table audit_log drop constraint if exists audit_log_tenant_id_chain_seq_key;
revoke update on audit_log from ${app_role};
alter table audit_log drop column chain_seq, drop column prev_hash, drop column row_hash;

-- Fewer indexes: the primary key (tenant, id) serves the explorer's pages, its dates (ids follow
-- time) and the chaining; by entity and by patient serve those filters; the person filter and
-- the list of people read by_actor, now only for rows with a person (most writes of a busy
-- platform are the system's). A BRIN range index on id finds the rows written since the last
-- pass for every tenant at once, for almost nothing per insert.
drop index audit_log_by_actor;
create index audit_log_by_actor on audit_log (tenant_id, actor_id) where actor_id is not null;
create index audit_log_by_id on audit_log using brin (id) with (pages_per_range = 16);

create table audit_chain (
  tenant_id  uuid not null,
  last_id    bigint not null,          -- the last audit row it links (the greatest id)
  first_seq  bigint not null,          -- the chain position of its first row (from 1)
  ids        bigint[] not null,        -- the audit rows it links, in chain order
  row_hashes bytea not null,           -- SHA-256 of each of those rows, 32 bytes each
  prev_hash  bytea not null,           -- the link before's link_hash ('' for the first)
  link_hash  bytea not null,
  linked_at  timestamptz not null default now(),
  primary key (tenant_id, last_id),
  check (cardinality(ids) >= 1 and length(row_hashes) = 32 * cardinality(ids))
);
select enable_tenant_isolation('audit_chain');
grant select, insert on audit_chain to ${app_role};
create trigger audit_chain_append_only before update or delete on audit_chain
  for each row execute function audit_log_append_only();
create trigger audit_chain_never_truncated before truncate on audit_chain
  for each statement execute function audit_log_append_only();

-- Signed checkpoints of each tenant's chain: the position and hash of its head, signed with a key
-- the database never sees. Owners download them; a copy may go to a configured address.
create table audit_checkpoints (
  tenant_id  uuid not null,
  seq        bigint not null,            -- how many rows the chain had
  head_hash  bytea not null,             -- the link_hash of the link ending at seq
  signed_at  timestamptz not null,
  signed_by  bytea not null,             -- the Ed25519 public key that signed it, raw 32 bytes
  signature  bytea not null,             -- over the checkpoint's text (AuditCheckpoint.signedText)
  primary key (tenant_id, seq)
);
select enable_tenant_isolation('audit_checkpoints');
grant select, insert on audit_checkpoints to ${app_role};
create trigger audit_checkpoints_append_only before update or delete on audit_checkpoints
  for each row execute function audit_log_append_only();

-- A row's id is drawn after its transaction has an id of its own: the trigger writes after the
-- row it records (which gave the transaction its id); audit_record asks for it first.
create or replace function audit_record(p_kind text, p_action text, p_entity_type text,
                                        p_entity_id text, p_patient_id uuid, p_source text,
                                        p_detail text)
returns void language plpgsql security definer set search_path = pg_catalog, public, pg_temp as $$
begin
  perform pg_current_xact_id();
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
    session_user);
end $$;

-- A marker: the last audit id drawn so far, then the bound of a newer snapshot (every transaction
-- id below it was given out before). Once no transaction below that bound is running (the
-- horizon of a later snapshot reaches it), every row up to last_id has committed or never will:
-- the chain may link up to it. Read committed: each statement has its own snapshot.
create function audit_chain_marker(out last_id bigint, out xmax bigint)
language plpgsql volatile security definer set search_path = pg_catalog, public, pg_temp as $$
begin
  select s.last_value into last_id from public.audit_log_id_seq s;
  xmax := pg_snapshot_xmax(pg_current_snapshot())::text::bigint;
end $$;
revoke all on function audit_chain_marker() from public;
grant execute on function audit_chain_marker() to ${app_role};

-- The oldest transaction still running (or the next to start): a marker whose bound is at or
-- below it is settled.
create function audit_chain_horizon() returns bigint
language sql volatile as $$
  select pg_snapshot_xmin(pg_current_snapshot())::text::bigint
$$;
grant execute on function audit_chain_horizon() to ${app_role};

-- Organizations (and the platform, the nil id) with audit rows in (after, through]: the rows
-- written since a pass, found through the BRIN index. Ids only, as in V960.
create function audit_unchained_tenants(p_after bigint, p_through bigint)
returns setof uuid
language sql stable security definer set search_path = pg_catalog, public, pg_temp as $$
  select distinct tenant_id from audit_log where id > p_after and id <= p_through
$$;
revoke all on function audit_unchained_tenants(bigint, bigint) from public;
grant execute on function audit_unchained_tenants(bigint, bigint) to ${app_role};

-- Every organization with audit rows, one index probe each (the primary key skipped from one
-- tenant to the next): the first pass after a start, which knows nothing linked yet.
create function audit_tenants()
returns setof uuid
language sql stable security definer set search_path = pg_catalog, public, pg_temp as $$
  with recursive t(id) as (
    (select tenant_id from audit_log order by tenant_id limit 1)
    union all
    select (select tenant_id from audit_log where tenant_id > t.id order by tenant_id limit 1)
      from t where t.id is not null)
  select id from t where id is not null
$$;
revoke all on function audit_tenants() from public;
grant execute on function audit_tenants() to ${app_role};

-- The chaining step for the current tenant: links up to max_rows of its rows after its last
-- link, up to p_through (a settled marker's last_id), in one new link. Serialized per tenant by
-- an advisory lock. Returns how many rows it linked.
drop function audit_chain_step(int);
create function audit_chain_step(max_rows int, p_through bigint) returns int
language plpgsql as $$
declare
  tenant uuid := nullif(current_setting('app.tenant_id', true), '')::uuid;
  last_link audit_chain;
  linked bigint[];
  hashes bytea;
  prev bytea;
begin
  if tenant is null then
    raise exception 'no tenant in context';
  end if;
  perform pg_advisory_xact_lock(hashtextextended('audit-chain:' || tenant, 0));
  select * into last_link from audit_chain where tenant_id = tenant
   order by last_id desc limit 1;
  select array_agg(r.id order by r.id), string_agg(r.hash, ''::bytea order by r.id)
    into linked, hashes
    from (select a.id, sha256(convert_to(audit_row_text(a), 'UTF8')) as hash from audit_log a
           where a.tenant_id = tenant and a.id > coalesce(last_link.last_id, 0)
             and a.id <= p_through
           order by a.id limit max_rows) r;
  if linked is null then
    return 0;
  end if;
  prev := coalesce(last_link.link_hash, ''::bytea);
  insert into audit_chain (tenant_id, last_id, first_seq, ids, row_hashes, prev_hash, link_hash)
  values (tenant, linked[cardinality(linked)],
          coalesce(last_link.first_seq + cardinality(last_link.ids), 1),
          linked, hashes, prev, sha256(prev || hashes));
  return cardinality(linked);
end $$;
grant execute on function audit_chain_step(int, bigint) to ${app_role};

-- Verifies the current tenant's chain from its start; returns the id of the first row whose
-- link is broken (its content changed, it was removed, or it is missing from the chain, or the
-- link holding it was changed), or null when intact.
create or replace function audit_chain_first_broken() returns bigint
language plpgsql stable as $$
declare
  tenant uuid := nullif(current_setting('app.tenant_id', true), '')::uuid;
  expected_seq bigint := 1;
  expected_prev bytea := ''::bytea;
  through bigint := 0;
  l audit_chain;
  bad bigint;
begin
  for l in select * from audit_chain where tenant_id = tenant order by last_id loop
    select u.id into bad
      from unnest(l.ids) with ordinality as u(id, n)
      left join audit_log a on a.tenant_id = tenant and a.id = u.id
     where a.id is null or l.first_seq <> expected_seq or l.prev_hash <> expected_prev
        or l.link_hash <> sha256(l.prev_hash || l.row_hashes)
        or sha256(convert_to(audit_row_text(a), 'UTF8'))
           <> substring(l.row_hashes from (u.n::int - 1) * 32 + 1 for 32)
     order by u.n limit 1;
    if bad is not null then
      return bad;
    end if;
    expected_seq := l.first_seq + cardinality(l.ids);
    expected_prev := l.link_hash;
    through := l.last_id;
  end loop;
  -- a row up to the last link that no link holds (inserted afterwards under an old id)
  if (select count(*) from audit_log where tenant_id = tenant and id <= through)
     <> expected_seq - 1 then
    return (select min(a.id) from audit_log a
             where a.tenant_id = tenant and a.id <= through
               and not exists (select 1 from audit_chain c
                                where c.tenant_id = tenant and c.last_id >= a.id
                                  and a.id = any (c.ids)));
  end if;
  return null;
end $$;

-- Organizations whose chain grew since a moment (ids only): those a checkpoint pass signs.
create index audit_chain_by_time on audit_chain using brin (linked_at);
create function audit_checkpoint_due_tenants(p_since timestamptz)
returns setof uuid
language sql stable security definer set search_path = pg_catalog, public, pg_temp as $$
  select distinct tenant_id from audit_chain where linked_at > p_since
$$;
revoke all on function audit_checkpoint_due_tenants(timestamptz) from public;
grant execute on function audit_checkpoint_due_tenants(timestamptz) to ${app_role};
