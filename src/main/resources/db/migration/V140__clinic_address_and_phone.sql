-- A clinic's street address and phone, shown to patients and edited in the clinic settings
-- (issue 16). The clinics table's grants and audit trigger already cover new columns.
alter table clinics
  add column address text check (length(address) <= 500),
  add column phone   text check (length(phone) <= 40);
