-- 026: penalties (пени) are a kind of ledger movement of their own.
--
-- The billing system's charges file has a penalties column; it went into
-- the ledger's corrections as a recalculation with a reason.  A receipt must
-- show penalties apart from recalculations (the single payment document
-- does), so each correction now says which it is.  ledger.corrections stays
-- their sum, so the ledger's invariant is unchanged.
ALTER TABLE corrections
    ADD COLUMN kind ENUM('recalculation', 'penalty') NOT NULL DEFAULT 'recalculation';

ALTER TABLE receipt_document_corrections
    ADD COLUMN kind ENUM('recalculation', 'penalty') NOT NULL DEFAULT 'recalculation';

-- A receipt line's penalties, within its corrections.
ALTER TABLE receipt_document_lines ADD COLUMN penalties BIGINT NOT NULL DEFAULT 0;
