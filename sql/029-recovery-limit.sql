-- 029: recovery messages are limited per login per day.
--
-- The recovery form no longer refuses a login asked for too often (that
-- blocked the person it named); it answers as always and the messages sent
-- to one subscriber are counted over the last day instead (login.c,
-- recover_work).  The count reads the outbox by subscriber and kind.
ALTER TABLE outbox ADD KEY ix_outbox_subscriber_kind (subscriber_id, kind, created_at);
