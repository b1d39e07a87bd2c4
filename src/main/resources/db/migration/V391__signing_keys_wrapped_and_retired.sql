-- Token signing keys are stored wrapped with the platform's data key (itself wrapped by the
-- master key), in secret_encrypted. A migration cannot reach the master key, so the app wraps any
-- key still in clear when it starts and empties the clear column; no key is written in clear again
-- (the check lets a row hold one form only).
--
-- retired_at is the moment a key stops verifying: a rotation sets it on the older keys to the end
-- of the life of the last token they may have signed, and the app deletes keys once retired.
alter table token_signing_keys add column secret_encrypted bytea;
alter table token_signing_keys alter column secret drop not null;
alter table token_signing_keys add constraint token_signing_keys_one_form
  check (num_nonnulls(secret, secret_encrypted) = 1);
grant update (secret, secret_encrypted, retired_at) on token_signing_keys to ${app_role};
grant delete on token_signing_keys to ${app_role};

drop trigger audit_row_change on token_signing_keys;
select audit_table('token_signing_keys', 'key_id', 'secret,secret_encrypted');
