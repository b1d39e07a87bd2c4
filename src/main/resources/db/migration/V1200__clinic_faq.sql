-- agents: a clinic's frequently asked questions, in each language the clinic answers in, as the
-- MCP tool clinic_info gives them to AI agents (and owners keep them through /api/v1/faq).
create table clinic_faq (
  tenant_id  uuid not null references tenants (id),
  id         uuid not null,
  clinic_id  uuid not null,
  language   text not null check (language in ('en', 'es', 'ar')),
  position   int not null check (position >= 0),
  question   text not null check (length(question) between 1 and 300),
  answer     text not null check (length(answer) between 1 and 2000),
  primary key (tenant_id, id),
  unique (tenant_id, clinic_id, language, position),
  foreign key (tenant_id, clinic_id) references clinics (tenant_id, id)
);
select enable_tenant_isolation('clinic_faq');
select audit_table('clinic_faq', 'id');
grant select, insert, update, delete on clinic_faq to ${app_role};
