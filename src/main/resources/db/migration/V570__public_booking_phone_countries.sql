-- issue 15 (SMS pumping): the countries whose phones a clinic's public page sends one-time codes
-- to. Without a row, only the clinic's own country; the owner may allow more.
create table public_booking_countries (
  tenant_id       uuid not null references tenants (id),
  clinic_id       uuid not null,
  phone_countries text[] not null check (cardinality(phone_countries) between 1 and 50),
  primary key (tenant_id, clinic_id),
  foreign key (tenant_id, clinic_id) references clinics (tenant_id, id)
);
select enable_tenant_isolation('public_booking_countries');
select audit_table('public_booking_countries', 'clinic_id');
grant select, insert, update on public_booking_countries to ${app_role};
