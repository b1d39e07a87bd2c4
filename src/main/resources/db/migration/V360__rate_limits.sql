-- Rate-limit buckets (Bucket4j's PostgreSQL layout), shared by every app instance, keyed by
-- limit and subject (an address, a phone, an organization). Technical and short-lived.
create table rate_limit_buckets (
  id         text primary key,
  state      bytea,
  expires_at bigint
);
create index rate_limit_buckets_expiry on rate_limit_buckets (expires_at);
grant select, insert, update, delete on rate_limit_buckets to ${app_role};
