-- issue 18 (avail): the request edge's two reads keep their plans.
-- V1040 wrote api_key_agent and member_at_edge in SQL. A SQL function that has a SET clause (here
-- the search path a security definer needs) is never inlined, and PostgreSQL 17 plans its body
-- again on every call: pg_stat_statements showed `select * from api_key_agent($1)` at 0.8 ms a
-- call whose query took 0.1 ms, on every API request. In PL/pgSQL the body's plan is prepared once
-- per connection and reused. The same rows, the same grants (create or replace keeps them).

create or replace function api_key_agent(p_key_hash bytea)
returns table (tenant_id uuid, key_id uuid, clinic_id uuid, actions text[], plan text,
               creator_roles text[], last_used_at timestamptz)
language plpgsql stable security definer set search_path = pg_catalog, public, pg_temp as $$
#variable_conflict use_column
begin
  return query
  select k.tenant_id, k.id, k.clinic_id, k.actions, c.plan, m.roles, k.last_used_at
  from api_keys k
  join clinics c on c.tenant_id = k.tenant_id and c.id = k.clinic_id
  left join memberships m on m.tenant_id = k.tenant_id
    and m.clinic_id = k.clinic_id and m.user_id = k.created_by
    and m.status = 'ACTIVE' and c.active
  where k.key_hash = p_key_hash and k.revoked_at is null;
end
$$;

create or replace function member_at_edge(p_user uuid)
returns table (signed_out_at timestamptz, second_factor boolean, tenant_id uuid,
               tenant_name text, clinic_id uuid, clinic_name text, roles text[], status text,
               mfa_required_for_all boolean)
language plpgsql stable security definer set search_path = pg_catalog, public, pg_temp as $$
#variable_conflict use_column
begin
  return query
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
  order by m.tenant_name, m.clinic_name;
end
$$;
