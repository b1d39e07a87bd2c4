-- Service types are the non-default rows of booking_rules, named by their key (a short label such
-- as "Follow-up"). A type is retired rather than deleted: its past appointments keep their rules
-- and reschedules still follow them, but it is offered no more.
alter table booking_rules add column retired boolean not null default false;

-- A patient's online request carries the service type they chose, and may instead ask for a place
-- on the waitlist (a window of days, starts_at to window_to) — confirmed by the same code.
alter table booking_requests add column service_type text not null default '';
alter table booking_requests add column kind text not null default 'BOOKING'
  check (kind in ('BOOKING', 'WAITLIST'));
alter table booking_requests add column window_to timestamptz;
alter table booking_requests add column waitlist_entry_id uuid;
alter table booking_requests add constraint booking_requests_window
  check (kind = 'BOOKING' or window_to > starts_at);
grant update (waitlist_entry_id) on booking_requests to ${app_role};

-- A waitlist entry waits for a service type, and its offer may hold less than the freed time (a
-- follow-up in a standard visit's place): the freed time's end is kept, so that when the offer
-- expires the whole of it passes to the next in line.
alter table waitlist_entries add column offered_end timestamptz;
