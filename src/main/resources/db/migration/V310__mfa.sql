-- Multi-factor authentication: a TOTP authenticator per user (global, like the user) and
-- single-use recovery codes. The TOTP secret is stored encrypted with the platform's data key
-- (see V110), bound to the user's id; recovery codes are stored only as salted SHA-256 hashes.

create table totp_authenticators (
  user_id        uuid primary key references users (id),
  secret         bytea not null,
  confirmed_at   timestamptz,          -- null while the user has not yet confirmed a first code
  last_used_step bigint,               -- the last 30-second step whose code was accepted
  created_at     timestamptz not null default now()
);
grant select, insert, delete on totp_authenticators to ${app_role};
grant update (confirmed_at, last_used_step) on totp_authenticators to ${app_role};

create table recovery_codes (
  user_id    uuid not null references users (id),
  code_hash  bytea not null,
  used_at    timestamptz,
  created_at timestamptz not null default now(),
  primary key (user_id, code_hash)
);
grant select, insert, delete on recovery_codes to ${app_role};
grant update (used_at) on recovery_codes to ${app_role};

-- An organization may require a second factor of everyone, not only of owners and doctors.
alter table tenants add column mfa_required_for_all boolean not null default false;
grant update (mfa_required_for_all) on tenants to ${app_role};

select audit_table('totp_authenticators', 'user_id', 'secret');
select audit_table('recovery_codes', 'user_id', 'code_hash');
