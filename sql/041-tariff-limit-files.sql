-- 041: the limits a tariff file's four household columns cannot say, from a
-- file of their own (kind tariff_limits): homes heated by electricity, limits
-- by the number of residents (1, 2, 3 or more) and by season (the heating
-- season, 1 October to 30 April, or the summer).  A row names a version
-- already loaded (plan code and valid_from), a household, residents (0: any
-- number), a season ('any'), a tier and its upper bound.  The two files own
-- disjoint rows of tariff_limits: the tariffs file the plain ones (the four
-- households, any number of residents, any season), this file every other,
-- so loading either again never undoes the other.  A version in this file
-- has its other rows replaced whole.
ALTER TABLE imports DROP CONSTRAINT ck_imports_kind;
ALTER TABLE imports ADD CONSTRAINT ck_imports_kind CHECK (kind IN ('accounts', 'services',
    'meters', 'charges', 'payments', 'readings', 'tariffs', 'tariff_limits'));

CREATE TABLE stage_tariff_limits (
    import_id   BIGINT UNSIGNED  NOT NULL,
    line        BIGINT UNSIGNED  NOT NULL,
    bad         TINYINT(1)       NOT NULL DEFAULT 0,
    plan_code   VARCHAR(32)      NOT NULL,
    valid_from  DATE             NOT NULL,
    household   ENUM('gas', 'gas-alone', 'estove', 'estove-alone', 'eheating') NOT NULL,
    residents   TINYINT UNSIGNED NOT NULL,
    season      ENUM('any', 'heating', 'summer') NOT NULL,
    tier        TINYINT UNSIGNED NOT NULL,  -- 0-based, as tariff_limits
    limit_milli BIGINT           NOT NULL,
    tariff_id   INT UNSIGNED     NULL,      -- the version, once found
    tiers       TINYINT UNSIGNED NULL,      -- its number of tiers
    PRIMARY KEY (import_id, line),
    KEY ix_stage_tariff_limits_key (import_id, plan_code, valid_from, household, residents,
                                    season, tier)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
