-- 044: the billing system's rate printed on each receipt line is a price
-- like a tariff's (sql/042): up to four decimals, kept in ten-thousandths of
-- the major unit.  A Kazakh receipt showed 13,45 for a rate of 13,4456.  The
-- line's money (accrued) was and is the billing system's, in minor units.
-- One transaction with the migration's record, as sql/042: never scaled
-- twice.
START TRANSACTION;
UPDATE ledger SET tariff = tariff * 100;
UPDATE receipt_document_lines SET tariff = tariff * 100;
UPDATE stage_charges SET tariff = tariff * 100;
INSERT INTO schema_migrations (version) VALUES ('044-rate-four-decimals.sql');
COMMIT;
