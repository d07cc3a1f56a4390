-- 014: readings far above the usual wait for staff's review (status
-- 'pending'); the console lists them oldest first, so they are found by
-- status without reading the table.
ALTER TABLE readings ADD KEY ix_readings_status (status, id);
