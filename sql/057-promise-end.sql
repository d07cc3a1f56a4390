-- 057: a promised payment ends on time (issue 25).
--
-- A line enabled on a promise is shown active until its promise ends; then
-- `payjobs promises` shows it suspended again, unless the billing system has
-- said the line's state since (its connections file is the line's truth from
-- then on, and clears the mark).  promise_id is that mark: the promise the
-- line is enabled on by the portal, NULL otherwise.  No foreign key: promises
-- already refer to connections, and the mark is cleared, never followed.
ALTER TABLE connections
    ADD COLUMN promise_id BIGINT UNSIGNED NULL AFTER state,
    ADD KEY ix_connections_promise (promise_id);
