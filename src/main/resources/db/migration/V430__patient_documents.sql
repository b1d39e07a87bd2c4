-- Documents attached to a chart (scans, lab reports, photos). The bytes live in a document store
-- (the local disk by default) under a generated name; this row is the only way to them.
create table patient_documents (
  tenant_id    uuid not null,
  id           uuid not null,
  patient_id   uuid not null,
  file_name    text not null check (length(file_name) between 1 and 150),
  content_type text not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes   bigint not null check (size_bytes > 0),
  sha256       bytea not null,
  storage_key  text not null,
  description  text check (length(description) <= 200),
  created_at   timestamptz not null default now(),
  created_by   uuid,
  voided_at    timestamptz,
  voided_by    uuid,
  void_reason  text check (length(void_reason) <= 500),
  primary key (tenant_id, id),
  unique (tenant_id, storage_key),
  foreign key (tenant_id, patient_id) references patients (tenant_id, id),
  check ((voided_at is null) = (void_reason is null))
);
create index patient_documents_by_patient on patient_documents (tenant_id, patient_id, created_at desc);
select enable_tenant_isolation('patient_documents');
grant select, insert, update on patient_documents to ${app_role};
select audit_table('patient_documents', 'id', 'sha256');
