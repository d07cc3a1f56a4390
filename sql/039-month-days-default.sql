-- 039: the 30.5-day rule as an organization's default.  A tariff version
-- whose month_days_x10 is NULL (a file that leaves the column empty) takes
-- its organization's: 0, limits prorated by each month's own days, or 305,
-- by days / 30.5 where a published rule says so.  A version's own value,
-- 0 included, stands.
ALTER TABLE organizations ADD COLUMN month_days_x10 SMALLINT UNSIGNED NOT NULL DEFAULT 0;
ALTER TABLE tariffs MODIFY month_days_x10 SMALLINT UNSIGNED NULL DEFAULT NULL;
ALTER TABLE stage_tariffs MODIFY month_days_x10 SMALLINT UNSIGNED NULL;
