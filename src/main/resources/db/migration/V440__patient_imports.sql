-- Importing an existing patient list (CSV): the file is kept encrypted between its preview and
-- its import; the same file (by its SHA-256) is one import per organization, so uploading it
-- again shows that import instead of importing twice.
create table patient_imports (
  tenant_id      uuid not null references tenants (id),
  id             uuid not null,
  file_name      text not null check (length(file_name) between 1 and 150),
  file_sha256    bytea not null,
  content_sealed bytea not null,
  status         text not null check (status in ('PREVIEWED', 'RUNNING', 'DONE', 'FAILED')),
  total_rows     int not null,
  valid_rows     int not null,
  processed_rows int not null default 0,
  imported_rows  int not null default 0,
  duplicate_rows int not null default 0,
  failed_rows    int not null default 0,
  created_at     timestamptz not null default now(),
  created_by     uuid,
  started_at     timestamptz,
  finished_at    timestamptz,
  primary key (tenant_id, id),
  unique (tenant_id, file_sha256)
);
select enable_tenant_isolation('patient_imports');
grant select, insert, update on patient_imports to ${app_role};
select audit_table('patient_imports', 'id', 'content_sealed,file_sha256');

-- What became of each row of an import.
create table patient_import_rows (
  tenant_id  uuid not null,
  import_id  uuid not null,
  row_number int not null,
  outcome    text not null check (outcome in ('IMPORTED', 'DUPLICATE', 'INVALID', 'FAILED')),
  patient_id uuid,
  message    text check (length(message) <= 500),
  primary key (tenant_id, import_id, row_number),
  foreign key (tenant_id, import_id) references patient_imports (tenant_id, id),
  foreign key (tenant_id, patient_id) references patients (tenant_id, id)
);
select enable_tenant_isolation('patient_import_rows');
grant select, insert on patient_import_rows to ${app_role};
select audit_table('patient_import_rows', 'import_id,row_number');
