-- Audits the data key tables of V110 (created before the audit trigger existed, like tenants
-- and clinics in V200). The wrapped keysets never enter the audit.
select audit_table('tenant_data_keys', 'tenant_id', 'keyset');
select audit_table('platform_data_keys', 'name', 'keyset');
