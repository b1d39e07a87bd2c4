-- the confirmation of a booking asks whether the patient booked it online, with a manage link
create index booking_requests_by_appointment on booking_requests (appointment_id)
  where appointment_id is not null;
