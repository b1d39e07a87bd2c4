-- A patient confirmed they will come (by replying to a reminder, or told the desk): when.
alter table appointments add column confirmed_at timestamptz;
