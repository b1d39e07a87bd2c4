-- Keyset pages of /api/v1's lists (shared.web.Keyset): each page reads (at, id) after the cursor's
-- through an index in the list's order, limit + 1 rows, never the whole list. Lists whose order an
-- existing index already serves (appointments by clinic or doctor and start, a chart's documents,
-- the patient search, an import's rows by its primary key) sort only the rows of one instant by id.

-- A patient's history, newest visit first: there was no index by patient at all.
create index visits_by_patient on visits (tenant_id, patient_id, created_at desc, id desc);

-- Who waits at a clinic, in line (joined, then id): the open entries only.
create index waitlist_open_by_clinic on waitlist_entries (tenant_id, clinic_id, created_at, id)
  where status in ('WAITING', 'OFFERED');

-- A clinic's failed messages, newest first: the clinic and the id join the index (it served only
-- the organization's, the clinic filtered row by row).
drop index outbox_messages_failed;
create index outbox_messages_failed on outbox_messages (tenant_id, clinic_id, updated_at desc, id desc)
  where status = 'FAILED';
