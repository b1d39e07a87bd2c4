-- Notifications: the outbox. Every message another module asks for is stored here first;
-- real channels (SMTP, SMS, WhatsApp) deliver from it in the notifications issue.
-- Messages of no organization (a password reset) are kept under the platform's own id, the nil
-- UUID, which is why tenant_id has no foreign key here.
create table outbox_messages (
  tenant_id  uuid not null,
  id         uuid not null,
  clinic_id  uuid,
  channel    text not null check (channel in ('EMAIL', 'SMS', 'WHATSAPP')),
  recipient  text not null,
  kind       text not null,
  locale     text not null,
  subject    text not null,
  body       text not null,
  status     text not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
  created_at timestamptz not null default now(),
  primary key (tenant_id, id)
);
create index outbox_messages_recent on outbox_messages (tenant_id, created_at desc);
select enable_tenant_isolation('outbox_messages');
grant select, insert, update on outbox_messages to ${app_role};

select audit_table('outbox_messages', 'id', 'body');
