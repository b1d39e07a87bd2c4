-- Billing, part A: the clinic bills its patients. Amounts are whole minor units of the clinic's
-- currency (piastres, centavos, paise) in bigint: exact, and every total adds up to the unit.

-- Tax profiles per clinic: a name and a percentage (0 for tax-exempt services).
create table tax_profiles (
  tenant_id  uuid not null references tenants (id),
  id         uuid not null,
  clinic_id  uuid not null,
  name       text not null check (length(name) between 1 and 80),
  rate       numeric(6, 3) not null check (rate >= 0 and rate <= 100),
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, clinic_id, name),
  foreign key (tenant_id, clinic_id) references clinics (tenant_id, id)
);
select enable_tenant_isolation('tax_profiles');
select audit_table('tax_profiles', 'id');
grant select, insert, update on tax_profiles to ${app_role};

-- The services a clinic charges for, with their price in the clinic's currency.
create table billable_services (
  tenant_id      uuid not null references tenants (id),
  id             uuid not null,
  clinic_id      uuid not null,
  code           text not null check (code ~ '^[A-Z0-9][A-Z0-9_-]{0,29}$'),
  name           text not null check (length(name) between 1 and 120),
  kind           text not null check (kind in ('CONSULTATION', 'PROCEDURE', 'LAB', 'PACKAGE', 'OTHER')),
  price_minor    bigint not null check (price_minor >= 0),
  tax_profile_id uuid,
  active         boolean not null default true,
  created_at     timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, clinic_id, code),
  foreign key (tenant_id, clinic_id) references clinics (tenant_id, id),
  foreign key (tenant_id, tax_profile_id) references tax_profiles (tenant_id, id)
);
select enable_tenant_isolation('billable_services');
select audit_table('billable_services', 'id');
grant select, insert, update on billable_services to ${app_role};

-- The last number issued per clinic and series. Issuing takes the next number inside the issuing
-- transaction (insert ... on conflict do update ... returning): concurrent issues serialize on
-- the row, and a rolled-back issue gives its number back, so numbers have no gaps.
create table invoice_series (
  tenant_id uuid not null references tenants (id),
  clinic_id uuid not null,
  series    text not null check (series ~ '^[A-Z]{1,6}$'),
  last      int not null check (last > 0),
  primary key (tenant_id, clinic_id, series),
  foreign key (tenant_id, clinic_id) references clinics (tenant_id, id)
);
select enable_tenant_isolation('invoice_series');
select audit_table('invoice_series', 'clinic_id,series');
grant select, insert, update on invoice_series to ${app_role};

create table invoices (
  tenant_id      uuid not null references tenants (id),
  id             uuid not null,
  clinic_id      uuid not null,
  patient_id     uuid not null,
  visit_id       uuid,
  series         text not null default 'INV',
  number         int,
  status         text not null default 'DRAFT' check (status in ('DRAFT', 'ISSUED', 'VOID')),
  currency       char(3) not null,
  subtotal_minor bigint not null default 0 check (subtotal_minor >= 0),
  discount_minor bigint not null default 0 check (discount_minor >= 0),
  tax_minor      bigint not null default 0 check (tax_minor >= 0),
  total_minor    bigint not null default 0 check (total_minor >= 0),
  created_at     timestamptz not null default now(),
  created_by     uuid,
  issued_at      timestamptz,
  issued_by      uuid,
  voided_at      timestamptz,
  voided_by      uuid,
  void_reason    text,
  version        int not null default 0,
  primary key (tenant_id, id),
  foreign key (tenant_id, clinic_id) references clinics (tenant_id, id),
  foreign key (tenant_id, patient_id) references patients (tenant_id, id),
  foreign key (tenant_id, visit_id) references visits (tenant_id, id),
  -- a draft has no number, an issued invoice has one, a void one keeps whichever it had
  check (status <> 'DRAFT' or number is null),
  check (status <> 'ISSUED' or number is not null),
  check ((status = 'VOID') = (void_reason is not null)),
  check (total_minor = subtotal_minor - discount_minor + tax_minor)
);
create unique index invoices_number on invoices (tenant_id, clinic_id, series, number)
  where number is not null;
create unique index invoices_one_per_visit on invoices (tenant_id, visit_id)
  where visit_id is not null and status <> 'VOID';
create index invoices_by_patient on invoices (tenant_id, patient_id, created_at desc);
select enable_tenant_isolation('invoices');
select audit_table('invoices', 'id');
grant select, insert, update on invoices to ${app_role};

create table invoice_lines (
  tenant_id       uuid not null references tenants (id),
  id              uuid not null,
  invoice_id      uuid not null,
  position        int not null check (position > 0),
  service_id      uuid,
  description     text not null check (length(description) between 1 and 200),
  quantity        int not null check (quantity between 1 and 1000),
  unit_price_minor bigint not null check (unit_price_minor >= 0),
  discount_minor  bigint not null default 0 check (discount_minor >= 0),
  discount_reason text,
  tax_rate        numeric(6, 3) not null default 0 check (tax_rate >= 0 and tax_rate <= 100),
  tax_minor       bigint not null default 0 check (tax_minor >= 0),
  total_minor     bigint not null check (total_minor >= 0),
  primary key (tenant_id, id),
  unique (tenant_id, invoice_id, position),
  foreign key (tenant_id, invoice_id) references invoices (tenant_id, id),
  foreign key (tenant_id, service_id) references billable_services (tenant_id, id),
  check (discount_minor <= quantity * unit_price_minor),
  check ((discount_minor = 0) or (discount_reason is not null)),
  check (total_minor = quantity * unit_price_minor - discount_minor + tax_minor)
);
select enable_tenant_isolation('invoice_lines');
select audit_table('invoice_lines', 'id');
grant select, insert, update, delete on invoice_lines to ${app_role};

-- An issued invoice is as issued: only voiding it (status, who, when, why) may change it, and its
-- lines cannot change at all. The database holds this even against the application's own role.
create function invoices_issued_are_final() returns trigger language plpgsql as $$
begin
  if old.status = 'VOID' then
    raise exception 'invoice % is void and cannot change', old.id using errcode = 'P0001';
  end if;
  if old.status = 'ISSUED' and not (
       new.status = 'VOID'
       and (new.tenant_id, new.id, new.clinic_id, new.patient_id, new.visit_id, new.series,
            new.number, new.currency, new.subtotal_minor, new.discount_minor, new.tax_minor,
            new.total_minor, new.created_at, new.created_by, new.issued_at, new.issued_by)
       is not distinct from
           (old.tenant_id, old.id, old.clinic_id, old.patient_id, old.visit_id, old.series,
            old.number, old.currency, old.subtotal_minor, old.discount_minor, old.tax_minor,
            old.total_minor, old.created_at, old.created_by, old.issued_at, old.issued_by)) then
    raise exception 'invoice % is issued and cannot change; void it or credit it', old.id
      using errcode = 'P0001';
  end if;
  return new;
end $$;
create trigger invoices_issued_are_final before update on invoices
  for each row execute function invoices_issued_are_final();

create function invoice_lines_of_drafts_only() returns trigger language plpgsql as $$
declare
  invoice_status text;
begin
  select status into invoice_status from invoices
   where tenant_id = coalesce(new.tenant_id, old.tenant_id)
     and id = coalesce(new.invoice_id, old.invoice_id);
  if invoice_status <> 'DRAFT' then
    raise exception 'the lines of an issued invoice cannot change' using errcode = 'P0001';
  end if;
  return coalesce(new, old);
end $$;
create trigger invoice_lines_of_drafts_only before insert or update or delete on invoice_lines
  for each row execute function invoice_lines_of_drafts_only();

-- Money received (PAYMENT) or given back (REFUND) against an invoice; never changed, never deleted.
create table payments (
  tenant_id   uuid not null references tenants (id),
  id          uuid not null,
  clinic_id   uuid not null,
  invoice_id  uuid not null,
  kind        text not null check (kind in ('PAYMENT', 'REFUND')),
  method      text not null check (method in ('CASH', 'CARD', 'BANK_TRANSFER', 'WALLET', 'ONLINE')),
  method_note text,
  amount_minor bigint not null check (amount_minor > 0),
  reference   text,
  reason      text,
  received_at timestamptz not null default now(),
  received_by uuid,
  primary key (tenant_id, id),
  foreign key (tenant_id, clinic_id) references clinics (tenant_id, id),
  foreign key (tenant_id, invoice_id) references invoices (tenant_id, id),
  check ((kind = 'REFUND') = (reason is not null))
);
create index payments_by_invoice on payments (tenant_id, invoice_id, received_at);
create index payments_by_day on payments (tenant_id, clinic_id, received_at);
select enable_tenant_isolation('payments');
select audit_table('payments', 'id');
grant select, insert on payments to ${app_role};
