-- The mailDelivery process instance that sends a mail. Setting it is a claim: a mail has at most
-- one delivery running, even when two nodes resume pending mails at the same start-up.
ALTER TABLE jd_mail_outbox ADD COLUMN delivery_id VARCHAR(64);
CREATE INDEX ix_mail_created_at ON jd_mail_outbox (created_at);
