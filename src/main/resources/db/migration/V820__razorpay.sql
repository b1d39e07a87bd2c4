-- Billing, part B: Razorpay joins Stripe as a payment provider, for clinics in India. A clinic's
-- subscription row names the provider whose event is newest; provider events are already kept per
-- provider and id.
alter table platform_subscriptions drop constraint platform_subscriptions_provider_check;
alter table platform_subscriptions
  add constraint platform_subscriptions_provider_check check (provider in ('STRIPE', 'RAZORPAY'));
alter table platform_webhook_events
  add constraint platform_webhook_events_provider_check check (provider in ('STRIPE', 'RAZORPAY'));
