-- Refresh tokens: long-lived, single-use, rotating. Each use returns a new one of the same
-- family; presenting a used one again means it was stolen, and revokes the whole family.
create table refresh_tokens (
  token_hash  bytea primary key,
  family_id   uuid not null,
  user_id     uuid not null references users (id),
  clinic_id   uuid,
  issued_at   timestamptz not null default now(),
  expires_at  timestamptz not null,
  used_at     timestamptz,
  revoked_at  timestamptz
);
create index refresh_tokens_by_family on refresh_tokens (family_id);
create index refresh_tokens_by_user on refresh_tokens (user_id);
grant select, insert on refresh_tokens to ${app_role};
grant update (used_at, revoked_at) on refresh_tokens to ${app_role};

-- Failed sign-ins, to lock out an account or an address after 5 failures in 15 minutes.
create table sign_in_failures (
  id         bigint generated always as identity primary key,
  user_id    uuid,
  address    text not null,
  failed_at  timestamptz not null default now()
);
create index sign_in_failures_by_user on sign_in_failures (user_id, failed_at) where user_id is not null;
create index sign_in_failures_by_address on sign_in_failures (address, failed_at);
grant select, insert, delete on sign_in_failures to ${app_role};
