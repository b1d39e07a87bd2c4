-- Issue 15 (secrets): the one-time secret of a message (a link's token, a code) is no longer kept in
-- clear in the outbox. The stored body shows it masked; the secret itself is sealed with the
-- organization's data key (the platform's, for the platform's own messages), bound to the message,
-- and erased once the message is delivered (kept only on a developer's machine).
alter table outbox_messages add column secret_encrypted bytea;
-- (re-created below with the new column among the secrets; masking old rows is no audited change)
drop trigger audit_row_change on outbox_messages;

-- Messages written before: mask what they carry in clear (they were delivered long ago, or will
-- be retried without their secret; a new link is one click away where it matters).
update outbox_messages
   set body = regexp_replace(body, '(token=)[A-Za-z0-9_-]+', '\1••••••', 'g')
 where kind in ('EMAIL_CONFIRMATION', 'INVITATION', 'PASSWORD_RESET');
update outbox_messages
   set body = regexp_replace(body, '[0-9]{6}', '••••••', 'g')
 where kind = 'BOOKING_CODE';
update outbox_messages
   set body = regexp_replace(body, '(/receipts/|/verify/rx/)[A-Za-z0-9_-]+', '\1••••••', 'g'),
       variables = variables - 'link'
 where kind in ('RECEIPT', 'PRESCRIPTION_COPY');
update outbox_messages
   set body = regexp_replace(body, 'https?://[^[:space:]]+', '••••••', 'g'),
       variables = variables - 'link'
 where kind = 'PAYMENT_LINK';

-- The audit trail records changed columns; the sealed secret is never copied into it.
select audit_table('outbox_messages', 'id', 'body,secret_encrypted');

-- Events of the old shape carried tokens, codes, links and addresses in clear: drop their
-- publications (the new shapes seal them), and every completed publication (purged on a schedule
-- from now on).
delete from event_publication
 where completion_date is not null
    or event_type in ('io.carebook.identity.EmailConfirmationRequested',
                      'io.carebook.identity.PasswordResetRequested',
                      'io.carebook.identity.InvitationSent',
                      'io.carebook.scheduling.BookingCodeRequested',
                      'io.carebook.clinical.PrescriptionCopyRequested',
                      'io.carebook.billing.PaymentLinkCreated',
                      'io.carebook.billing.InvoiceCopies$InvoiceCopyRequested');
