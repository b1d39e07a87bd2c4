-- A sign-in link sent to an account's e-mail lets its owner in while their account is locked by
-- failed sign-ins from elsewhere (issue 15, item 6). Single use, 15 minutes, hashed like the others.
alter table one_time_tokens drop constraint one_time_tokens_purpose_check;
alter table one_time_tokens add constraint one_time_tokens_purpose_check
  check (purpose in ('EMAIL_CONFIRMATION', 'PASSWORD_RESET', 'SIGN_IN_LINK'));
