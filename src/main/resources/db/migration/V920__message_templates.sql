-- Notifications: a clinic's own wording of a message kind in one language. Variables in braces:
-- {firstName}, {clinic}, {doctor}, {when}, {link}. No row: the built-in wording.
create table message_templates (
  tenant_id  uuid not null references tenants (id),
  clinic_id  uuid not null,
  kind       text not null,
  locale     text not null check (locale in ('en', 'es', 'ar')),
  subject    text not null,
  body       text not null check (length(body) between 1 and 1000),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, clinic_id, kind, locale),
  foreign key (tenant_id, clinic_id) references clinics (tenant_id, id)
);
select enable_tenant_isolation('message_templates');
select audit_table('message_templates', 'clinic_id,kind,locale');
grant select, insert, update, delete on message_templates to ${app_role};
