-- A booking's daily cap and its clinic's monthly plan limit hold under races (issue 18, item 7).
-- They used to be counted and then inserted, so bookings racing for the last place of a day or a
-- month all saw room and all booked. booking_room takes a transaction-level advisory lock for each
-- limit that applies — the clinic's local month when the plan limits it, then the doctor's local
-- day at the clinic when the rules cap it (always in that order, so two bookings never wait for
-- each other crosswise) — and only then counts. It is VOLATILE, so each count takes a snapshot of
-- its own after the lock was granted: it sees every booking that held the lock before and has
-- committed, even when it is called inside a larger statement (the booking's one read of the
-- doctor's window, DoctorWindows) whose own snapshot is older. The locks last until the booking's
-- transaction ends, so the next booking of that day or month counts this one. With neither a cap
-- nor a limit it takes no lock and counts nothing, at no cost.
create function booking_room(p_clinic uuid, p_doctor uuid, p_zone text, p_start timestamptz,
                             p_daily_cap int, p_monthly_limit int)
  returns table (day_count int, month_count int)
  language plpgsql volatile as $$
declare
  local_day date := (p_start at time zone p_zone)::date;
  local_month date := date_trunc('month', p_start at time zone p_zone)::date;
begin
  if p_monthly_limit is not null then
    perform pg_advisory_xact_lock(
      hashtextextended('booking-month:' || p_clinic || ':' || local_month, 0));
  end if;
  if p_daily_cap is not null then
    perform pg_advisory_xact_lock(
      hashtextextended('booking-day:' || p_clinic || ':' || p_doctor || ':' || local_day, 0));
  end if;
  return query select
    case when p_daily_cap is null then null else (
      select count(*)::int from appointments a
      where a.clinic_id = p_clinic and a.doctor_id = p_doctor
        and a.status in ('BOOKED', 'ARRIVED', 'FULFILLED')
        and a.starts_at >= local_day::timestamp at time zone p_zone
        and a.starts_at < (local_day + 1)::timestamp at time zone p_zone) end,
    case when p_monthly_limit is null then null else (
      -- counted up to the limit at most, as before: the count costs no more than the limit is big
      select count(*)::int from (
        select 1 from appointments a
        where a.clinic_id = p_clinic and a.status <> 'CANCELLED'
          and a.starts_at >= local_month::timestamp at time zone p_zone
          and a.starts_at < (local_month + interval '1 month')::timestamp at time zone p_zone
        limit p_monthly_limit) booked) end;
end $$;
