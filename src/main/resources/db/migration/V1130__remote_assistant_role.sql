-- Issue 19 (the staff inbox): a remote assistant answers patients' conversations and books for
-- them from afar. Memberships and invitations may now name the role.
alter table memberships drop constraint memberships_roles_check;
alter table memberships add constraint memberships_roles_check check (
  cardinality(roles) > 0 and roles <@
    array['OWNER', 'MANAGER', 'DOCTOR', 'ASSISTANT', 'RECEPTIONIST', 'BILLING', 'REMOTE_ASSISTANT']);

alter table invitations drop constraint invitations_roles_check;
alter table invitations add constraint invitations_roles_check check (
  cardinality(roles) > 0 and roles <@
    array['OWNER', 'MANAGER', 'DOCTOR', 'ASSISTANT', 'RECEPTIONIST', 'BILLING', 'REMOTE_ASSISTANT']);
