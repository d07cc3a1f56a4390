-- 024: tier limits as tariffs publish them.
--
-- A limit may be the home's rather than each resident's (Russia's household
-- ranges from 2025: 3 900 and 6 000 kWh a month); it may depend on how many
-- live there (1, 2, or 3 = three or more; 0 = any number) and on the season
-- (the heating season is 1 October to 30 April); and homes heated by
-- electricity are a household category of their own.  The most specific row
-- that fits an account wins (billing/tariff.c); residents 0 and season 'any'
-- are the plain limits they had before.
ALTER TABLE accounts MODIFY household
    ENUM('gas', 'gas-alone', 'estove', 'estove-alone', 'eheating') NOT NULL DEFAULT 'gas';

ALTER TABLE tariffs ADD COLUMN limit_per_household TINYINT(1) NOT NULL DEFAULT 0;

ALTER TABLE tariff_limits
    MODIFY household ENUM('gas', 'gas-alone', 'estove', 'estove-alone', 'eheating') NOT NULL,
    ADD COLUMN residents TINYINT UNSIGNED NOT NULL DEFAULT 0 AFTER household,
    ADD COLUMN season ENUM('any', 'heating', 'summer') NOT NULL DEFAULT 'any' AFTER residents,
    DROP PRIMARY KEY,
    ADD PRIMARY KEY (tariff_id, household, residents, season, tier),
    ADD CONSTRAINT ck_limits_residents CHECK (residents <= 3);
