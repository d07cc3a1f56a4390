-- 007: delivering the outbox.  A message is claimed before it is sent
-- (status 'sending', its next_attempt_at the end of the claim), so two
-- delivery runs never send the same message; a run that died mid-send leaves
-- the claim to expire and the message is tried again.
ALTER TABLE outbox
    DROP CONSTRAINT ck_outbox_status,
    ADD CONSTRAINT ck_outbox_status CHECK (status IN ('queued', 'sending', 'sent', 'failed'));
