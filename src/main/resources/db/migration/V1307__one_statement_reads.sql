-- issue 18 (availability's CPU): a read that is one statement goes with its tenant in one round
-- trip. In a transaction it cost three around its one query: BEGIN with the tenant's SET LOCALs,
-- the query, COMMIT. tenant_scope applies the same four settings, with SET LOCAL as the
-- transaction manager does (on Citus only SET commands reach the workers), to the implicit
-- transaction that the protocol keeps open until its Sync: the query sent right after it, before
-- that Sync, runs in the same transaction and sees the tenant; nothing outlives the Sync.
-- Its arguments are text ('' for none) so that the driver never has to ask for their types, which
-- it does with a Sync of its own. Each id is cast to uuid first, so a value that is not one fails.
-- Security invoker, and it reads nothing: it sets only what the application role may set itself.
create function tenant_scope(p_tenant text, p_clinic text, p_user text, p_actor text)
returns void
language plpgsql volatile as $$
begin
  if p_actor is null or p_actor not in ('HUMAN', 'AGENT', 'SYSTEM') then
    raise exception 'not an actor: %', p_actor;
  end if;
  execute format('set local app.tenant_id = %L', coalesce(nullif(p_tenant, '')::uuid::text, ''));
  execute format('set local app.clinic_id = %L', coalesce(nullif(p_clinic, '')::uuid::text, ''));
  execute format('set local app.user_id = %L', coalesce(nullif(p_user, '')::uuid::text, ''));
  execute format('set local app.actor_type = %L', p_actor);
end
$$;
