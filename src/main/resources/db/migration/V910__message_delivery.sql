-- Notifications: real delivery. The outbox grows into the durable record of every message, in
-- and out: when it is due, through which channel and provider it went, how many attempts it
-- took, and what the provider last said. Each outgoing message is sent by one db-scheduler task
-- (scheduled_tasks, below) whose instance id is the message's id.
alter table outbox_messages drop constraint outbox_messages_status_check;
alter table outbox_messages alter column status set default 'SCHEDULED';
update outbox_messages set status = 'SCHEDULED' where status = 'PENDING';
alter table outbox_messages
  add constraint outbox_messages_status_check check (status in
    ('SCHEDULED', 'SENT', 'DELIVERED', 'READ', 'FAILED', 'CANCELED', 'RECEIVED')),
  -- IN: a patient's reply, kept for staff to read; recipient is then the sender's address
  add column direction text not null default 'OUT' check (direction in ('OUT', 'IN')),
  add column due_at timestamptz not null default now(),
  add column attempts int not null default 0,
  add column patient_id uuid,
  add column appointment_id uuid,
  -- the variables the body was rendered with, for template channels (WhatsApp)
  add column variables jsonb not null default '{}',
  add column provider text,
  add column provider_message_id text,
  add column last_error text,
  add column sent_at timestamptz,
  add column updated_at timestamptz not null default now();
create index outbox_messages_by_appointment on outbox_messages (tenant_id, appointment_id)
  where appointment_id is not null;
create index outbox_messages_by_provider_id on outbox_messages (tenant_id, provider_message_id)
  where provider_message_id is not null;
create index outbox_messages_failed on outbox_messages (tenant_id, updated_at desc)
  where status = 'FAILED';

-- Per clinic: when reminders go out, quiet hours in the clinic's timezone, the channels in
-- order of preference, and the providers' credentials (encrypted with the organization's key).
-- No row: reminders 48 h and 2 h before, no quiet hours, every message to the built-in outbox.
create table notification_settings (
  tenant_id                 uuid not null references tenants (id),
  clinic_id                 uuid not null,
  reminder_minutes          int[] not null default '{2880, 120}',
  quiet_from                time,
  quiet_until               time,
  channels                  text[] not null default '{}',
  sms_account_sid           text,
  sms_from                  text,
  sms_auth_token            bytea,
  whatsapp_phone_number_id  text,
  whatsapp_access_token     bytea,
  whatsapp_app_secret       bytea,
  whatsapp_verify_token     text,
  version                   int not null default 0,
  primary key (tenant_id, clinic_id),
  foreign key (tenant_id, clinic_id) references clinics (tenant_id, id)
);
select enable_tenant_isolation('notification_settings');
select audit_table('notification_settings', 'clinic_id',
                   'sms_auth_token,whatsapp_access_token,whatsapp_app_secret');
grant select, insert, update on notification_settings to ${app_role};

-- Per patient: the language messages are written in (else the clinic's) and whether they
-- opted out of messages (a STOP reply, or staff on their behalf).
create table message_preferences (
  tenant_id  uuid not null references tenants (id),
  patient_id uuid not null,
  language   text check (language in ('en', 'es', 'ar')),
  opted_out  boolean not null default false,
  updated_at timestamptz not null default now(),
  primary key (tenant_id, patient_id),
  foreign key (tenant_id, patient_id) references patients (tenant_id, id)
);
select enable_tenant_isolation('message_preferences');
select audit_table('message_preferences', 'patient_id');
grant select, insert, update on message_preferences to ${app_role};

-- db-scheduler's queue (its PostgreSQL schema). Global by design: a task carries its tenant's
-- id in its data and runs inside that tenant's context; it holds no message content.
create table scheduled_tasks (
  task_name            text not null,
  task_instance        text not null,
  task_data            bytea,
  execution_time       timestamptz not null,
  picked               boolean not null,
  picked_by            text,
  last_success         timestamptz,
  last_failure         timestamptz,
  consecutive_failures int,
  last_heartbeat       timestamptz,
  version              bigint not null,
  priority             smallint,
  primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time on scheduled_tasks (priority desc, execution_time asc);
grant select, insert, update, delete on scheduled_tasks to ${app_role};
