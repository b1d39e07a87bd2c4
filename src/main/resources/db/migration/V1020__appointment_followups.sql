-- Issue 18, item 5: what notifications still has to tell a patient about an appointment is
-- written with the appointment, in the same transaction, as one narrow row per booking, move and
-- cancellation; notifications' planner claims the rows of a clinic in batches (FOR UPDATE SKIP
-- LOCKED, so two app instances never plan one twice), plans every message of the batch with a
-- handful of statements, and deletes the rows in the same transaction. Before, each booking stored
-- an event publication, ran a listener transaction of its own and completed the publication.
--
-- A queue, not a record: its rows live for about a second. The appointment itself is audited; the
-- row is bookkeeping like the event publication it replaces, so it carries no audit trigger
-- (audit.AuditExclusions) and no foreign keys (it is written with its appointment, and neither
-- organizations nor appointments are ever deleted).
create table appointment_followups (
  tenant_id      uuid not null,
  id             bigint generated always as identity,
  clinic_id      uuid not null,
  appointment_id uuid not null,
  kind           text not null check (kind in ('BOOKED', 'MOVED', 'CANCELED')),
  -- the appointment's start as of this change: the booked or new time, or the canceled one
  starts_at      timestamptz not null,
  -- whose planner plans it: one queue per deployment ('default'); tests run differently configured
  -- applications against one database, each with a queue (and a message task) of its own
  queue          text not null default 'default',
  primary key (tenant_id, id)
);
select enable_tenant_isolation('appointment_followups');
-- update: claiming rows FOR UPDATE needs it, though no row is ever updated
grant select, insert, update, delete on appointment_followups to ${app_role};

-- The organizations and clinics with rows waiting (ids only, as V960's resolvers): the planner
-- enters each clinic's context and plans its rows there.
create function appointment_followup_clinics(p_queue text)
returns table (tenant_id uuid, clinic_id uuid)
language sql stable security definer set search_path = pg_catalog, public, pg_temp as $$
  select distinct f.tenant_id, f.clinic_id from public.appointment_followups f
   where f.queue = p_queue
$$;
revoke all on function appointment_followup_clinics(text) from public;
grant execute on function appointment_followup_clinics(text) to ${app_role};
