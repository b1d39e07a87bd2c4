-- A private calendar feed (iCalendar) per doctor and clinic, so the schedule shows in the
-- doctor's phone calendar. The link's secret is stored hashed; a new link replaces the old one.
create table calendar_feeds (
  tenant_id  uuid not null references tenants (id),
  clinic_id  uuid not null,
  doctor_id  uuid not null references users (id),
  token_hash bytea not null,
  created_at timestamptz not null default now(),
  primary key (tenant_id, clinic_id, doctor_id),
  unique (tenant_id, token_hash),
  foreign key (tenant_id, clinic_id) references clinics (tenant_id, id)
);
create index calendar_feeds_by_token on calendar_feeds (token_hash);
select enable_tenant_isolation('calendar_feeds');
select audit_table('calendar_feeds', 'clinic_id,doctor_id', 'token_hash');
grant select, insert, update on calendar_feeds to ${app_role};

create function calendar_feed_by_hash(p_hash bytea)
returns table (tenant_id uuid, clinic_id uuid, doctor_id uuid)
language sql stable security definer set search_path = public as $$
  select f.tenant_id, f.clinic_id, f.doctor_id from calendar_feeds f where f.token_hash = p_hash
$$;
revoke all on function calendar_feed_by_hash(bytea) from public;
grant execute on function calendar_feed_by_hash(bytea) to ${app_role};

-- An appointment never checked in is marked no-show this long after it ended (null: never).
alter table booking_rules add column no_show_after_minutes int default 120
  check (no_show_after_minutes between 0 and 10080);
