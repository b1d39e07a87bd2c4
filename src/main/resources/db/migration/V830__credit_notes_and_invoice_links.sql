-- Credit notes: an issued invoice never changes, so what was billed wrongly is corrected by a credit
-- note against it, numbered in a series of its own (CN) from the same gap-free counters as
-- invoices. A credit note lowers what the patient owes; if they had paid already, the desk refunds
-- the difference. Like payments, credit notes are never changed or deleted.
create table credit_notes (
  tenant_id    uuid not null references tenants (id),
  id           uuid not null,
  clinic_id    uuid not null,
  invoice_id   uuid not null,
  series       text not null default 'CN' check (series ~ '^[A-Z]{1,6}$'),
  number       int not null check (number > 0),
  amount_minor bigint not null check (amount_minor > 0),
  -- the part of the amount that was tax, in the invoice's proportion of tax to total
  tax_minor    bigint not null check (tax_minor >= 0 and tax_minor <= amount_minor),
  reason       text not null check (length(reason) between 1 and 500),
  created_at   timestamptz not null default now(),
  created_by   uuid,
  primary key (tenant_id, id),
  unique (tenant_id, clinic_id, series, number),
  foreign key (tenant_id, clinic_id) references clinics (tenant_id, id),
  foreign key (tenant_id, invoice_id) references invoices (tenant_id, id)
);
create index credit_notes_by_invoice on credit_notes (tenant_id, invoice_id, created_at);
select enable_tenant_isolation('credit_notes');
select audit_table('credit_notes', 'id');
grant select, insert on credit_notes to ${app_role};

-- A credit note is against an issued invoice, and all of an invoice's credit notes together never
-- exceed its total: held here too, whatever the application does.
create function credit_notes_within_invoice() returns trigger language plpgsql as $$
declare
  invoice_status text;
  invoice_total bigint;
  credited bigint;
begin
  select status, total_minor into invoice_status, invoice_total from invoices
   where tenant_id = new.tenant_id and id = new.invoice_id for update;
  if not found then
    return new; -- no such invoice here: the foreign key or the row's policy refuses the row
  end if;
  if invoice_status <> 'ISSUED' then
    raise exception 'only an issued invoice can be credited' using errcode = 'P0001';
  end if;
  select coalesce(sum(amount_minor), 0) into credited from credit_notes
   where tenant_id = new.tenant_id and invoice_id = new.invoice_id;
  if credited + new.amount_minor > invoice_total then
    raise exception 'credit notes would exceed the invoice''s total' using errcode = 'P0001';
  end if;
  return new;
end $$;
create trigger credit_notes_within_invoice before insert on credit_notes
  for each row execute function credit_notes_within_invoice();

-- Links that let a patient open their invoice (the receipt) without signing in: sent by e-mail or
-- WhatsApp, stored hashed, valid for a while. The link shows one invoice and nothing else.
create table invoice_links (
  tenant_id  uuid not null references tenants (id),
  token_hash bytea not null,
  invoice_id uuid not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  primary key (tenant_id, token_hash),
  foreign key (tenant_id, invoice_id) references invoices (tenant_id, id)
);
create index invoice_links_by_token on invoice_links (token_hash);
select enable_tenant_isolation('invoice_links');
select audit_table('invoice_links', 'invoice_id', 'token_hash');
grant select, insert on invoice_links to ${app_role};

create function invoice_link_by_hash(p_hash bytea)
returns table (tenant_id uuid, invoice_id uuid)
language sql stable security definer set search_path = public as $$
  select l.tenant_id, l.invoice_id from invoice_links l
   where l.token_hash = p_hash and l.expires_at > now()
$$;
revoke all on function invoice_link_by_hash(bytea) from public;
grant execute on function invoice_link_by_hash(bytea) to ${app_role};
