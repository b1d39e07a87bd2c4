-- A booking that registers its patient writes the appointment first and the patient last, so
-- that the per-organization lock the record number takes (V410) is held only until the commit
-- right after it, not across the booking's other writes. The appointment's patient is therefore
-- checked at commit: still checked, for every transaction, only later.
alter table appointments
  alter constraint appointments_tenant_id_patient_id_fkey deferrable initially deferred;
