-- issue 18: the request edge reads who acts in one statement, outside any transaction of its own.

-- An API key's agent: its tenant, clinic, actions, the clinic's plan and its creator's roles in
-- that clinic now (none once the membership is suspended or removed or the clinic closed), and
-- when it was last used. What api_key_by_hash then the agent's read in its tenant answered, in one.
create function api_key_agent(p_key_hash bytea)
returns table (tenant_id uuid, key_id uuid, clinic_id uuid, actions text[], plan text,
               creator_roles text[], last_used_at timestamptz)
language sql stable security definer set search_path = pg_catalog, public, pg_temp as $$
  select k.tenant_id, k.id, k.clinic_id, k.actions, c.plan, m.roles, k.last_used_at
  from api_keys k
  join clinics c on c.tenant_id = k.tenant_id and c.id = k.clinic_id
  left join memberships m on m.tenant_id = k.tenant_id
    and m.clinic_id = k.clinic_id and m.user_id = k.created_by
    and m.status = 'ACTIVE' and c.active
  where k.key_hash = p_key_hash and k.revoked_at is null
$$;
revoke all on function api_key_agent(bytea) from public;
grant execute on function api_key_agent(bytea) to ${app_role};

-- A signed-in person at the edge: when they last signed out everywhere (tokens issued before are
-- void), whether they set up a second factor, and their memberships as my_memberships() gives them
-- with whether each organization requires two-step sign-in of everyone. One row with null
-- membership columns when they have none; no row when the user does not exist.
create function member_at_edge(p_user uuid)
returns table (signed_out_at timestamptz, second_factor boolean, tenant_id uuid,
               tenant_name text, clinic_id uuid, clinic_name text, roles text[], status text,
               mfa_required_for_all boolean)
language sql stable security definer set search_path = pg_catalog, public, pg_temp as $$
  select u.signed_out_at,
         exists (select 1 from totp_authenticators a
                  where a.user_id = u.id and a.confirmed_at is not null),
         m.tenant_id, m.tenant_name, m.clinic_id, m.clinic_name, m.roles, m.status,
         m.mfa_required_for_all
  from users u
  left join lateral (
    select m.tenant_id, t.name as tenant_name, m.clinic_id, c.name as clinic_name, m.roles,
           m.status, t.mfa_required_for_all
    from memberships m
    join tenants t on t.id = m.tenant_id
    join clinics c on c.tenant_id = m.tenant_id and c.id = m.clinic_id
    where m.user_id = u.id and t.status = 'ACTIVE' and c.active
  ) m on true
  where u.id = p_user
  order by m.tenant_name, m.clinic_name
$$;
revoke all on function member_at_edge(uuid) from public;
grant execute on function member_at_edge(uuid) to ${app_role};

-- Organizations holding Idempotency-Keys older than p_before, for the job that deletes them.
create function idempotency_expired_tenants(p_before timestamptz)
returns setof uuid
language sql stable security definer set search_path = pg_catalog, public, pg_temp as $$
  select distinct tenant_id from idempotency_keys where created_at < p_before
$$;
revoke all on function idempotency_expired_tenants(timestamptz) from public;
grant execute on function idempotency_expired_tenants(timestamptz) to ${app_role};
