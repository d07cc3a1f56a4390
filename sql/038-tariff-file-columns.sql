-- 038: a tariff file says, per version, whether VAT follows the rates table
-- by date (sql/022) and whether the tier limits are the home's rather than
-- each resident's (sql/024); both 0 when the columns are not in the file.
ALTER TABLE stage_tariffs
    ADD COLUMN vat_by_date   TINYINT(1) NOT NULL DEFAULT 0,
    ADD COLUMN per_household TINYINT(1) NOT NULL DEFAULT 0;
