-- 040: a month is issued in batches of accounts, each its own transaction.
-- One transaction for a million accounts' receipts exceeded InnoDB's lock
-- table ("1206 The total number of locks exceeds the lock table size") and
-- would hold its locks, and its undo, for minutes.  While a month is being
-- issued, stored_through is the last account id whose receipt is stored and
-- whose notices are queued; NULL once every account is, which is what
-- "issued" means.  A run stopped half-way is resumed by the next run from
-- stored_through, and two runs at once take the batches in turns (the row is
-- locked for each).  Rows of months issued before keep NULL: issued whole.
ALTER TABLE receipt_issues ADD COLUMN stored_through INT UNSIGNED NULL DEFAULT NULL;
