-- 023: a subscriber's mistyped reading can be corrected until the
-- organization has taken it.
--
-- Taken: staff reviewed it, the API's readings feed handed it over, or a
-- readings export included it (taken_at is set before the rows are read, so
-- a correction and a hand-over never cross).  A correction marks the old
-- row replaced and inserts the new one, naming the row it replaces: the
-- history keeps both, and the feed reports the old one's new status.
ALTER TABLE readings
    MODIFY status ENUM('accepted', 'rejected', 'pending', 'replaced') NOT NULL,
    ADD COLUMN taken_at DATETIME(6)     NULL,
    ADD COLUMN replaces BIGINT UNSIGNED NULL;
