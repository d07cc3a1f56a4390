-- 020: tariffs from the billing system's files.  A plan loaded from a file
-- is known by its code (the billing system's own name for it); plans made
-- before have none and are left as they are.
ALTER TABLE tariff_plans
    ADD COLUMN code VARCHAR(32) NULL AFTER service_id,
    ADD UNIQUE KEY uq_tariff_plans_code (organization_id, code);

ALTER TABLE imports DROP CONSTRAINT ck_imports_kind;
ALTER TABLE imports ADD CONSTRAINT ck_imports_kind CHECK (kind IN ('accounts', 'services',
    'meters', 'charges', 'payments', 'readings', 'tariffs'));

-- One row a price: a plan's version, a tier and a zone.  The plan's and the
-- version's columns repeat on each of their rows (and must agree); a tier's
-- limits, per resident and household, come with each of its rows.
CREATE TABLE stage_tariffs (
    import_id          BIGINT UNSIGNED   NOT NULL,
    line               BIGINT UNSIGNED   NOT NULL,
    bad                TINYINT(1)        NOT NULL DEFAULT 0,
    plan_code          VARCHAR(32)       NOT NULL,
    service_code       VARCHAR(32)       NOT NULL,
    name_ru            VARCHAR(150)      NOT NULL,
    name_en            VARCHAR(150)      NOT NULL,
    zones              TINYINT UNSIGNED  NOT NULL,
    public             TINYINT(1)        NOT NULL,
    valid_from         DATE              NOT NULL,
    valid_to           DATE              NOT NULL,
    tiers              TINYINT UNSIGNED  NOT NULL,
    vat_bp             SMALLINT UNSIGNED NOT NULL,
    vat_included       TINYINT(1)        NOT NULL,
    month_days_x10     SMALLINT UNSIGNED NOT NULL,
    tier               TINYINT UNSIGNED  NOT NULL,  -- 0-based, as tariff_prices
    zone               TINYINT UNSIGNED  NOT NULL,
    price              BIGINT            NOT NULL,
    lim_gas            BIGINT            NULL,      -- thousandths per resident; NULL: the last tier
    lim_gas_alone      BIGINT            NULL,
    lim_estove         BIGINT            NULL,
    lim_estove_alone   BIGINT            NULL,
    service_id         SMALLINT UNSIGNED NULL,
    PRIMARY KEY (import_id, line),
    KEY ix_stage_tariffs_key (import_id, plan_code, valid_from, tier, zone)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
