-- 027: the hash of a receipt's PDF, kept with the receipt as issued.
--
-- A receipt's PDF is drawn from the stored document and dated its day of
-- issue, so the same document is the same file.  The SHA-256 of the first
-- PDF made of it is kept; a later one that differs (new fonts, a changed
-- layout) is logged as an error, and the stored hash says which file the
-- subscriber was first given.
ALTER TABLE receipt_documents ADD COLUMN pdf_sha256 BINARY(32) NULL;
