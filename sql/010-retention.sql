-- 010: what tidy needs to delete old rows by their time without reading
-- every row: the rate-limit records and the sign-in record by when they
-- happened, messages by when they were queued.
ALTER TABLE login_attempts ADD KEY ix_login_attempts_at (at);
ALTER TABLE link_attempts ADD KEY ix_link_attempts_at (at);
ALTER TABLE form_attempts ADD KEY ix_form_attempts_at (at);
ALTER TABLE outbox ADD KEY ix_outbox_created (created_at);
