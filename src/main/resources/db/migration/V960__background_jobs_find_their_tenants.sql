-- Background jobs visit only the organizations that have work for them, instead of opening a
-- transaction for every organization on every pass: with a thousand organizations the audit
-- chaining alone (every two seconds) kept half a core busy finding nothing to do.
--
-- Each function answers tenant ids only (routing information, no content); the job then does
-- its work inside that tenant's context, under row-level security as before.

-- Organizations (and the platform's own trail, the nil id) with audit rows not yet chained.
create function audit_unchained_tenants()
returns setof uuid
language sql stable security definer set search_path = public as $$
  select distinct tenant_id from audit_log where chain_seq is null
$$;
revoke all on function audit_unchained_tenants() from public;
grant execute on function audit_unchained_tenants() to ${app_role};

-- Organizations with a waitlist offer whose hold has run out.
create index waitlist_offers_by_expiry on waitlist_entries (offered_until)
  where status = 'OFFERED';
create function waitlist_expired_offer_tenants(p_now timestamptz)
returns setof uuid
language sql stable security definer set search_path = public as $$
  select distinct tenant_id from waitlist_entries
   where status = 'OFFERED' and offered_until < p_now
$$;
revoke all on function waitlist_expired_offer_tenants(timestamptz) from public;
grant execute on function waitlist_expired_offer_tenants(timestamptz) to ${app_role};

-- Organizations with an appointment past its clinic's no-show delay and never checked in.
-- Booked appointments by their end: the past ones are few (they are soon checked in, fulfilled
-- or marked), so both this function and the sweep itself read only those.
create index appointments_booked_by_end on appointments (ends_at) where status = 'BOOKED';
create function no_show_due_tenants(p_now timestamptz)
returns setof uuid
language sql stable security definer set search_path = public as $$
  select distinct a.tenant_id
    from appointments a
    join booking_rules r
      on r.tenant_id = a.tenant_id and r.clinic_id = a.clinic_id and r.service_type = ''
   where a.status = 'BOOKED' and a.ends_at < p_now
     and r.no_show_after_minutes is not null
     and a.ends_at + make_interval(mins => r.no_show_after_minutes) < p_now
$$;
revoke all on function no_show_due_tenants(timestamptz) from public;
grant execute on function no_show_due_tenants(timestamptz) to ${app_role};
