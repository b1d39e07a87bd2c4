-- Issue 19: patients book on WhatsApp (and SMS), and people take over where the bot should not.
--
-- A conversation is one patient phone talking to one clinic on one channel. At most one is open
-- (not CLOSED) per (organization, clinic, channel, phone); the bot's place in it is `step` (JSON),
-- so it survives restarts and any instance can carry it on: an instance handling a message locks
-- the row FOR UPDATE. last_inbound_at opens WhatsApp's 24-hour customer-service window, inside
-- which free text may go out; outside it, only approved templates.
create table conversations (
  tenant_id       uuid not null references tenants (id),
  id              uuid not null,
  clinic_id       uuid not null,
  channel         text not null check (channel in ('WHATSAPP', 'SMS')),
  phone           text not null check (phone ~ '^\+[0-9]{6,15}$'),
  patient_id      uuid,
  locale          text not null default 'en' check (locale in ('en', 'es', 'ar')),
  state           text not null default 'BOT' check (state in ('BOT', 'WAITING', 'PERSON', 'CLOSED')),
  -- the user (staff member) who took the conversation over
  assigned_to     uuid,
  step            jsonb not null default '{}',
  last_inbound_at timestamptz,
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, clinic_id) references clinics (tenant_id, id),
  foreign key (tenant_id, patient_id) references patients (tenant_id, id)
);
create unique index conversations_one_open
  on conversations (tenant_id, clinic_id, channel, phone) where state <> 'CLOSED';
create index conversations_by_state on conversations (tenant_id, clinic_id, state, updated_at desc);
select enable_tenant_isolation('conversations');
select audit_table('conversations', 'id');
grant select, insert, update on conversations to ${app_role};

-- The transcript: every message in and out, and every change of state or hands (SYSTEM rows), so
-- it records who acted: the patient, the bot, a person (author_id: the user) or an agent
-- (author_id: the API key). One-time codes are masked in body before they are written.
-- provider_message_id: the provider's id of an inbound message, unique per organization, so a
-- message delivered twice (or to two instances at once) is acted on once.
create table conversation_messages (
  tenant_id           uuid not null references tenants (id),
  id                  uuid not null,
  conversation_id     uuid not null,
  direction           text not null check (direction in ('IN', 'OUT')),
  author              text not null check (author in ('PATIENT', 'BOT', 'PERSON', 'AGENT', 'SYSTEM')),
  author_id           uuid,
  body                text not null,
  -- an interactive message as sent (list or buttons), or the reply's id as received
  payload             jsonb,
  provider_message_id text,
  created_at          timestamptz not null default clock_timestamp(),
  primary key (tenant_id, id),
  foreign key (tenant_id, conversation_id) references conversations (tenant_id, id)
);
create unique index conversation_messages_once
  on conversation_messages (tenant_id, provider_message_id) where provider_message_id is not null;
create index conversation_messages_transcript
  on conversation_messages (tenant_id, conversation_id, created_at);
select enable_tenant_isolation('conversation_messages');
-- audited like every record of a patient's care: the transcript is what staff and patients said
select audit_table('conversation_messages', 'id');
grant select, insert on conversation_messages to ${app_role};

-- Per clinic: whether the bot answers, and the clinic's own wording of its messages
-- ({locale: {key: text}}), over the built-in wording of messages/conversations*.properties.
-- No row: the bot answers (when the plan includes WhatsApp booking) in its built-in wording.
create table conversation_settings (
  tenant_id  uuid not null references tenants (id),
  clinic_id  uuid not null,
  enabled    boolean not null default true,
  wording    jsonb not null default '{}',
  updated_at timestamptz not null default now(),
  primary key (tenant_id, clinic_id),
  foreign key (tenant_id, clinic_id) references clinics (tenant_id, id)
);
select enable_tenant_isolation('conversation_settings');
select audit_table('conversation_settings', 'clinic_id');
grant select, insert, update on conversation_settings to ${app_role};

-- The app-level WhatsApp webhook (one URL for the whole Meta app) names only the business phone
-- number a message was sent to: this finds its clinic before any tenant is known (routing ids
-- only, like V960's resolvers). A number set up in two clinics routes nowhere.
create index notification_settings_by_whatsapp_number
  on notification_settings (whatsapp_phone_number_id) where whatsapp_phone_number_id is not null;
create function whatsapp_number_clinic(p_phone_number_id text)
returns table (tenant_id uuid, clinic_id uuid)
language sql stable security definer set search_path = pg_catalog, public, pg_temp as $$
  select s.tenant_id, s.clinic_id from public.notification_settings s
   where s.whatsapp_phone_number_id = p_phone_number_id
     and (select count(*) from public.notification_settings o
           where o.whatsapp_phone_number_id = p_phone_number_id) = 1
$$;
revoke all on function whatsapp_number_clinic(text) from public;
grant execute on function whatsapp_number_clinic(text) to ${app_role};

-- Whether any clinic set up this verify token (the app-level webhook's GET handshake).
create function whatsapp_verify_token_known(p_token text)
returns boolean
language sql stable security definer set search_path = pg_catalog, public, pg_temp as $$
  select exists (select 1 from public.notification_settings s
                  where s.whatsapp_verify_token = p_token and length(p_token) >= 8)
$$;
revoke all on function whatsapp_verify_token_known(text) from public;
grant execute on function whatsapp_verify_token_known(text) to ${app_role};
