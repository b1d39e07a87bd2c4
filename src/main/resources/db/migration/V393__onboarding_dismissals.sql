-- The dashboard's first-steps checklist, put away by an owner or manager: once per clinic, for
-- everyone at it (the steps themselves tick from the clinic's data, not from here).
create table onboarding_dismissals (
  tenant_id    uuid not null references tenants (id),
  clinic_id    uuid not null,
  dismissed_by uuid, -- null: put away by Carebook itself (the demo clinics, set up already)
  dismissed_at timestamptz not null default now(),
  primary key (tenant_id, clinic_id),
  foreign key (tenant_id, clinic_id) references clinics (tenant_id, id)
);
select enable_tenant_isolation('onboarding_dismissals');
select audit_table('onboarding_dismissals', 'clinic_id');
grant select, insert on onboarding_dismissals to ${app_role};
