-- 004: tariffs with their dated versions, households, meters and readings.
-- Quantities are BIGINT thousandths of the unit (or 10^-decimals for a
-- meter's register); prices are BIGINT minor units per unit.

-- When subscribers may submit readings: from day .. to day of each month.
ALTER TABLE organizations
    ADD COLUMN readings_from TINYINT UNSIGNED NOT NULL DEFAULT 15,
    ADD COLUMN readings_to   TINYINT UNSIGNED NOT NULL DEFAULT 25;

-- Volume thresholds depend on the stove and on whether the payer lives alone.
ALTER TABLE accounts
    ADD COLUMN household ENUM('gas', 'gas-alone', 'estove', 'estove-alone') NOT NULL DEFAULT 'gas';

-- A tariff as a subscriber chooses it ("two-zone"), valid in dated versions.
CREATE TABLE tariff_plans (
    id              INT UNSIGNED      NOT NULL AUTO_INCREMENT,
    organization_id INT UNSIGNED      NOT NULL,
    service_id      SMALLINT UNSIGNED NOT NULL,
    name_ru         VARCHAR(150)      NOT NULL,
    name_en         VARCHAR(150)      NOT NULL,
    zones           TINYINT UNSIGNED  NOT NULL,  -- 1, 2 or 3 registers
    public          TINYINT(1)        NOT NULL DEFAULT 1,  -- shown to visitors who are not signed in
    PRIMARY KEY (id),
    KEY ix_tariff_plans_org (organization_id, public),
    CONSTRAINT fk_plans_org FOREIGN KEY (organization_id) REFERENCES organizations (id),
    CONSTRAINT fk_plans_service FOREIGN KEY (service_id) REFERENCES services (id),
    CONSTRAINT ck_plans_zones CHECK (zones BETWEEN 1 AND 3)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE tariffs (
    id             INT UNSIGNED      NOT NULL AUTO_INCREMENT,
    plan_id        INT UNSIGNED      NOT NULL,
    valid_from     DATE              NOT NULL,
    valid_to       DATE              NOT NULL,
    tiers          TINYINT UNSIGNED  NOT NULL,  -- 1 flat, 2 social norm, 3 volume levels
    month_days_x10 SMALLINT UNSIGNED NOT NULL DEFAULT 0,  -- 305: limits prorate by days / 30.5
    vat_bp         SMALLINT UNSIGNED NOT NULL,  -- 2000 = 20 %
    vat_included   TINYINT(1)        NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_tariffs_plan_from (plan_id, valid_from),
    CONSTRAINT fk_tariffs_plan FOREIGN KEY (plan_id) REFERENCES tariff_plans (id),
    CONSTRAINT ck_tariffs_dates CHECK (valid_to >= valid_from),
    CONSTRAINT ck_tariffs_tiers CHECK (tiers BETWEEN 1 AND 3)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE tariff_prices (
    tariff_id INT UNSIGNED     NOT NULL,
    tier      TINYINT UNSIGNED NOT NULL,  -- 0-based
    zone      TINYINT UNSIGNED NOT NULL,  -- 0 T1 day/peak, 1 T2 night, 2 T3 semi-peak
    price     BIGINT           NOT NULL,
    PRIMARY KEY (tariff_id, tier, zone),
    CONSTRAINT fk_prices_tariff FOREIGN KEY (tariff_id) REFERENCES tariffs (id) ON DELETE CASCADE,
    CONSTRAINT ck_prices CHECK (price >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Upper bound of a tier per registered resident per month, cumulative.
CREATE TABLE tariff_limits (
    tariff_id   INT UNSIGNED     NOT NULL,
    household   ENUM('gas', 'gas-alone', 'estove', 'estove-alone') NOT NULL,
    tier        TINYINT UNSIGNED NOT NULL,
    limit_milli BIGINT           NOT NULL,
    PRIMARY KEY (tariff_id, household, tier),
    CONSTRAINT fk_limits_tariff FOREIGN KEY (tariff_id) REFERENCES tariffs (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE meters (
    id               INT UNSIGNED      NOT NULL AUTO_INCREMENT,
    account_id       INT UNSIGNED      NOT NULL,
    service_id       SMALLINT UNSIGNED NOT NULL,
    plan_id          INT UNSIGNED      NULL,  -- the tariff it is billed by, if metered by zones
    kind             ENUM('electricity', 'cold-water', 'hot-water', 'gas', 'heat') NOT NULL,
    number           VARCHAR(32)       NOT NULL,
    zones            TINYINT UNSIGNED  NOT NULL,
    digits           TINYINT UNSIGNED  NOT NULL,  -- whole digits of the register
    decimals         TINYINT UNSIGNED  NOT NULL,  -- 0 for electricity, 3 for water
    verification_due DATE              NULL,
    installed_on     DATE              NOT NULL,
    removed_on       DATE              NULL,
    PRIMARY KEY (id),
    KEY ix_meters_account (account_id),
    CONSTRAINT fk_meters_account FOREIGN KEY (account_id) REFERENCES accounts (id),
    CONSTRAINT fk_meters_plan FOREIGN KEY (plan_id) REFERENCES tariff_plans (id),
    CONSTRAINT ck_meters CHECK (zones BETWEEN 1 AND 3 AND digits BETWEEN 1 AND 12 AND decimals <= 3)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE readings (
    id            BIGINT UNSIGNED  NOT NULL AUTO_INCREMENT,
    meter_id      INT UNSIGNED     NOT NULL,
    zone          TINYINT UNSIGNED NOT NULL,
    taken_on      DATE             NOT NULL,
    value         BIGINT           NOT NULL,  -- in 10^-decimals of the unit
    source        ENUM('subscriber', 'staff', 'import') NOT NULL,
    status        ENUM('accepted', 'rejected', 'pending') NOT NULL,
    reason        VARCHAR(300)     NULL,      -- why it was rejected
    subscriber_id BIGINT UNSIGNED  NULL,      -- who submitted it, if a subscriber
    created_at    DATETIME(6)      NOT NULL,
    PRIMARY KEY (id),
    KEY ix_readings_meter (meter_id, zone, taken_on),
    CONSTRAINT fk_readings_meter FOREIGN KEY (meter_id) REFERENCES meters (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
