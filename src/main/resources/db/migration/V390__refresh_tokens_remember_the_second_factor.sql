-- A refresh-token family remembers whether it was established with a second factor, so that a
-- refresh can re-check the MFA policy: once the policy applies to the user, a family begun with
-- a password alone is refused. A family begun after the user's authenticator was confirmed was
-- begun with a code (an enrolled user cannot sign in without one); every other existing family
-- counts as begun without, which at worst asks its holder to sign in again.
alter table refresh_tokens add column second_factor boolean not null default false;

update refresh_tokens r set second_factor = true
from (select family_id, user_id, min(issued_at) as begun from refresh_tokens group by family_id, user_id) f
join totp_authenticators t on t.user_id = f.user_id
where r.family_id = f.family_id and t.confirmed_at is not null and t.confirmed_at <= f.begun;
