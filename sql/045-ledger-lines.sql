-- 045: the billed volumes behind a ledger row, per zone and tier.
--
-- A ledger row says a month's quantity and money for a service; a receipt
-- must also say how they were reached from the readings on its back: each
-- zone's volume, within and above each tier's limit, at its price (Rules 354,
-- annex 2; the ЕПД form prints them under the service).  The billing system
-- sends them as a charge_lines file after the month's charges; each group
-- (account, service, month) in it replaces that row's lines whole, and its
-- volumes and money must sum to the row's quantity and accrued.  Zone and
-- tier are numbered as the file numbers them, from 1; 0 says the line is not
-- by zone (tier).  A tariff changed mid-month gives two lines of one zone and
-- tier at two prices, so the price is part of the key.  A row's lines go
-- when the charges file changes its quantity or money (they would no longer
-- add up), and they are stored with the receipt when it is issued.
CREATE TABLE ledger_lines (
    account_id INT UNSIGNED      NOT NULL,
    period     DATE              NOT NULL,
    service_id SMALLINT UNSIGNED NOT NULL,
    zone       TINYINT UNSIGNED  NOT NULL,
    tier       TINYINT UNSIGNED  NOT NULL,
    tariff     BIGINT            NOT NULL,  -- a price, as ledger.tariff (sql/044)
    quantity   BIGINT            NOT NULL,  -- thousandths of the unit
    amount     BIGINT            NOT NULL,  -- minor units: quantity x tariff, rounded once
    PRIMARY KEY (account_id, period, service_id, zone, tier, tariff)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE receipt_document_volumes (
    account_id INT UNSIGNED      NOT NULL,
    period     DATE              NOT NULL,
    version    SMALLINT UNSIGNED NOT NULL,
    service_id SMALLINT UNSIGNED NOT NULL,
    zone       TINYINT UNSIGNED  NOT NULL,
    tier       TINYINT UNSIGNED  NOT NULL,
    tariff     BIGINT            NOT NULL,
    quantity   BIGINT            NOT NULL,
    amount     BIGINT            NOT NULL,
    PRIMARY KEY (account_id, period, version, service_id, zone, tier, tariff)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE imports DROP CONSTRAINT ck_imports_kind;
ALTER TABLE imports ADD CONSTRAINT ck_imports_kind CHECK (kind IN ('accounts', 'services',
    'meters', 'charges', 'payments', 'readings', 'tariffs', 'tariff_limits', 'charge_lines'));

CREATE TABLE stage_charge_lines (
    import_id      BIGINT UNSIGNED   NOT NULL,
    line           BIGINT UNSIGNED   NOT NULL,
    bad            TINYINT(1)        NOT NULL DEFAULT 0,
    account_number VARCHAR(20)       NOT NULL,
    service_code   VARCHAR(32)       NOT NULL,
    period         DATE              NOT NULL,
    zone           TINYINT UNSIGNED  NOT NULL,
    tier           TINYINT UNSIGNED  NOT NULL,
    quantity       BIGINT            NOT NULL,
    tariff         BIGINT            NOT NULL,
    amount         BIGINT            NOT NULL,
    account_id     INT UNSIGNED      NULL,
    service_id     SMALLINT UNSIGNED NULL,
    PRIMARY KEY (import_id, line),
    KEY ix_stage_charge_lines_key (import_id, account_number, service_code, period, zone, tier,
                                   tariff),
    KEY ix_stage_charge_lines_row (import_id, account_id, service_id, period)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
