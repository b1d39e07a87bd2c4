-- The platform suspends a clinic (abuse, fraud, a legal hold) and later reinstates it: why it was
-- suspended stays on the clinic, and the operator finds a clinic's organization by its id.
alter table clinics add column suspension_reason text;

create function clinic_tenant(p_clinic uuid)
returns table (tenant_id uuid)
language sql stable security definer set search_path = public as $$
  select c.tenant_id from clinics c where c.id = p_clinic
$$;
revoke all on function clinic_tenant(uuid) from public;
grant execute on function clinic_tenant(uuid) to ${app_role};
