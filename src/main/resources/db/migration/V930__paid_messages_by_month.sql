-- A clinic's plan limits its SMS and WhatsApp messages a month (they cost per message; e-mail is
-- not counted). Each delivery counts the month's paid messages up to the limit: this index keeps
-- that count small and ordered.
create index outbox_messages_paid_sent on outbox_messages (tenant_id, clinic_id, sent_at)
  where channel in ('SMS', 'WHATSAPP') and sent_at is not null and direction = 'OUT';
