-- Each clinic's plan (its limits and features, see io.carebook.tenancy.Plan), and when its owner
-- was told that the trial ends soon (once per trial).
alter table clinics add column plan text not null default 'STARTER'
  check (plan in ('STARTER', 'GROWTH', 'PRO'));
alter table clinics add column trial_reminded_at timestamptz;
