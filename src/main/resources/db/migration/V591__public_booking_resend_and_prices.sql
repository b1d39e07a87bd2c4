-- Public booking (issue 16): a patient may ask for the code again after a delay, and a service
-- type may carry the price the public page shows.
-- code_sent_at: when the request's current code was sent (the server refuses a resend before the
-- delay); resends: how many times it was sent again (capped per request).
alter table booking_requests add column code_sent_at timestamptz not null default now();
alter table booking_requests add column resends int not null default 0;
grant update (code_hash, expires_at, code_sent_at, resends) on booking_requests to ${app_role};

-- The price of a service type ('' the standard visit) in the clinic's currency; null: not shown.
alter table booking_rules add column price numeric(12, 2) check (price is null or price >= 0);
