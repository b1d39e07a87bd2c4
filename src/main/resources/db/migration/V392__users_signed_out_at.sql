-- When a person last signed out everywhere (or reset the password): an API access token issued
-- before then is refused, so neither ends with the 15 minutes its access tokens have left.
alter table users add column signed_out_at timestamptz;
grant update (signed_out_at) on users to ${app_role};
