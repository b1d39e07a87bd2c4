-- Billing, part B: the platform bills each clinic through a payment provider (Stripe). What the
-- provider last said of a clinic's subscription, and every provider event received, once.
create table platform_subscriptions (
  tenant_id       uuid not null references tenants (id),
  clinic_id       uuid not null,
  provider        text not null check (provider in ('STRIPE')),
  customer_id     text,
  subscription_id text,
  provider_status text,
  plan            text check (plan in ('STARTER', 'GROWTH', 'PRO')),
  last_event_at   timestamptz,
  updated_at      timestamptz not null default now(),
  primary key (tenant_id, clinic_id),
  unique (tenant_id, provider, subscription_id),
  foreign key (tenant_id, clinic_id) references clinics (tenant_id, id)
);
create index platform_subscriptions_by_provider_id on platform_subscriptions (provider, subscription_id);
select enable_tenant_isolation('platform_subscriptions');
select audit_table('platform_subscriptions', 'clinic_id');
grant select, insert, update on platform_subscriptions to ${app_role};

-- Provider events, each kept once: a replay finds its id here and changes nothing.
create table platform_webhook_events (
  tenant_id   uuid not null references tenants (id),
  provider    text not null,
  event_id    text not null,
  type        text not null,
  created_at  timestamptz not null,
  received_at timestamptz not null default now(),
  primary key (tenant_id, provider, event_id)
);
select enable_tenant_isolation('platform_webhook_events');
select audit_table('platform_webhook_events', 'provider,event_id');
grant select, insert on platform_webhook_events to ${app_role};

-- A provider's subscription id -> its clinic, for provider events that carry no metadata.
create function platform_subscription_by_provider_id(p_provider text, p_subscription text)
returns table (tenant_id uuid, clinic_id uuid)
language sql stable security definer set search_path = public as $$
  select s.tenant_id, s.clinic_id from platform_subscriptions s
   where s.provider = p_provider and s.subscription_id = p_subscription
$$;
revoke all on function platform_subscription_by_provider_id(text, text) from public;
grant execute on function platform_subscription_by_provider_id(text, text) to ${app_role};
