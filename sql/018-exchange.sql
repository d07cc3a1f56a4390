-- 018: data exchange with the organization's billing system: imported
-- files (stored in the database, so any host's import program can read
-- them), their staging rows and problems, the change feeds the API pages
-- through, and API keys.

-- What the billing system knows of an account that the portal did not keep.
ALTER TABLE accounts ADD COLUMN email VARCHAR(254) NULL AFTER phone;

-- A payment received elsewhere carries the source's own id: loading the same
-- file twice finds it, never doubles it.
ALTER TABLE payments
    ADD COLUMN source_org INT UNSIGNED NULL,
    ADD COLUMN source_id  VARCHAR(64)  NULL,
    ADD UNIQUE KEY uq_payments_source (source_org, source_id);

-- A meter is known to the billing system by its serial on an account.
ALTER TABLE meters ADD KEY ix_meters_number (account_id, number);

-- One uploaded file or pushed batch and what became of it.
--   queued    stored, waiting for the import program
--   checking  being read and validated into staging
--   refused   some rows failed: nothing can be applied (see import_problems)
--   checked   every row passed: the dry run's counts are set
--   applying  asked to be applied (mode 'apply' or the operator's button)
--   applied   switched in, in one transaction
--   failed    the program could not finish (the reason is in error)
CREATE TABLE imports (
    id              BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    organization_id INT UNSIGNED    NOT NULL,
    kind            VARCHAR(16)     NOT NULL,
    mode            VARCHAR(8)      NOT NULL,  -- check: stop after the dry run; apply: go on
    status          VARCHAR(10)     NOT NULL,
    file_name       VARCHAR(200)    NOT NULL,
    sha256          CHAR(64)        NULL,
    bytes           BIGINT UNSIGNED NOT NULL DEFAULT 0,
    lines_total     BIGINT UNSIGNED NOT NULL DEFAULT 0,  -- counted while storing: the progress bar's end
    rows_done       BIGINT UNSIGNED NOT NULL DEFAULT 0,
    bytes_done      BIGINT UNSIGNED NOT NULL DEFAULT 0,
    n_new           BIGINT UNSIGNED NOT NULL DEFAULT 0,
    n_changed       BIGINT UNSIGNED NOT NULL DEFAULT 0,
    n_unchanged     BIGINT UNSIGNED NOT NULL DEFAULT 0,
    n_refused       BIGINT UNSIGNED NOT NULL DEFAULT 0,
    encoding        VARCHAR(12)     NULL,  -- what the reader found: utf-8, windows-1251
    delimiter       CHAR(1)         NULL,
    error           VARCHAR(300)    NULL,
    staff_id        BIGINT UNSIGNED NULL,  -- who uploaded it; NULL: a script or an API key
    api_key_id      BIGINT UNSIGNED NULL,
    created_by      VARCHAR(64)     NOT NULL,  -- staff login, "api:<key prefix>", "cli:<user>"
    created_at      DATETIME(6)     NOT NULL,
    started_at      DATETIME(6)     NULL,
    checked_at      DATETIME(6)     NULL,
    finished_at     DATETIME(6)     NULL,
    conn_id         BIGINT UNSIGNED NULL,  -- the worker's connection: it holds the
                                           -- organization's import lock while alive
    PRIMARY KEY (id),
    KEY ix_imports_org (organization_id, id),
    KEY ix_imports_status (status, id),
    CONSTRAINT fk_imports_org FOREIGN KEY (organization_id) REFERENCES organizations (id),
    CONSTRAINT ck_imports_status CHECK (status IN ('uploading', 'queued', 'checking', 'refused',
        'checked', 'applying', 'applied', 'failed')),
    CONSTRAINT ck_imports_mode CHECK (mode IN ('check', 'apply')),
    CONSTRAINT ck_imports_kind CHECK (kind IN ('accounts', 'services', 'meters', 'charges',
        'payments', 'readings'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The file itself, in pieces of at most a mebibyte, read back in order.
CREATE TABLE import_chunks (
    import_id BIGINT UNSIGNED NOT NULL,
    seq       INT UNSIGNED    NOT NULL,
    data      MEDIUMBLOB      NOT NULL,
    PRIMARY KEY (import_id, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What was wrong, row by row (the first 10,000; imports.n_refused counts all).
CREATE TABLE import_problems (
    id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    import_id   BIGINT UNSIGNED NOT NULL,
    line        BIGINT UNSIGNED NOT NULL,
    column_name VARCHAR(32)     NOT NULL,
    value       VARCHAR(200)    NOT NULL,
    code        VARCHAR(32)     NOT NULL,  -- a message key: imp.err.<code>
    detail      VARCHAR(100)    NULL,      -- what the message names (the line it repeats)
    PRIMARY KEY (id),
    KEY ix_import_problems_line (import_id, line)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Staging: a file's rows as validated, keyed by the import and the line.
-- The switch to the live tables is one INSERT ... SELECT per table in one
-- transaction.  Keys of the live tables (ids) are resolved in bulk after
-- reading, not row by row.
CREATE TABLE stage_accounts (
    import_id  BIGINT UNSIGNED  NOT NULL,
    line       BIGINT UNSIGNED  NOT NULL,
    bad        TINYINT(1)      NOT NULL DEFAULT 0,  -- a check after reading refused it
    number     VARCHAR(20)      NOT NULL,
    address    VARCHAR(300)     NOT NULL,
    area       INT UNSIGNED     NOT NULL,
    residents  TINYINT UNSIGNED NOT NULL,
    payer_name VARCHAR(200)     NOT NULL,
    phone      VARCHAR(32)      NULL,
    email      VARCHAR(254)     NULL,
    PRIMARY KEY (import_id, line),
    KEY ix_stage_accounts_key (import_id, number)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE stage_services (
    import_id      BIGINT UNSIGNED NOT NULL,
    line           BIGINT UNSIGNED NOT NULL,
    bad        TINYINT(1)      NOT NULL DEFAULT 0,  -- a check after reading refused it
    code           VARCHAR(32)     NOT NULL,
    name_ru        VARCHAR(100)    NOT NULL,
    name_en        VARCHAR(100)    NOT NULL,
    unit           VARCHAR(16)     NOT NULL,
    supplier_name  VARCHAR(200)    NOT NULL,
    supplier_inn   VARCHAR(12)     NOT NULL,
    supplier_phone VARCHAR(50)     NOT NULL,
    PRIMARY KEY (import_id, line),
    KEY ix_stage_services_key (import_id, code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE stage_meters (
    import_id        BIGINT UNSIGNED   NOT NULL,
    line             BIGINT UNSIGNED   NOT NULL,
    bad        TINYINT(1)      NOT NULL DEFAULT 0,  -- a check after reading refused it
    account_number   VARCHAR(20)       NOT NULL,
    service_code     VARCHAR(32)       NOT NULL,
    number           VARCHAR(32)       NOT NULL,
    kind             VARCHAR(12)       NOT NULL,
    zones            TINYINT UNSIGNED  NOT NULL,
    digits           TINYINT UNSIGNED  NOT NULL,
    decimals         TINYINT UNSIGNED  NOT NULL,
    installed_on     DATE              NOT NULL,
    verification_due DATE              NULL,
    account_id       INT UNSIGNED      NULL,
    service_id       SMALLINT UNSIGNED NULL,
    meter_id         INT UNSIGNED      NULL,
    PRIMARY KEY (import_id, line),
    KEY ix_stage_meters_key (import_id, account_number, number)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- corrections = recalculation + penalties; each is also a corrections row
-- with its reason, the way a receipt lists them.
CREATE TABLE stage_charges (
    import_id      BIGINT UNSIGNED   NOT NULL,
    line           BIGINT UNSIGNED   NOT NULL,
    bad        TINYINT(1)      NOT NULL DEFAULT 0,  -- a check after reading refused it
    account_number VARCHAR(20)       NOT NULL,
    service_code   VARCHAR(32)       NOT NULL,
    period         DATE              NOT NULL,
    tariff         BIGINT            NOT NULL,
    quantity       BIGINT            NOT NULL,
    opening        BIGINT            NOT NULL,
    accrued        BIGINT            NOT NULL,
    recalc         BIGINT            NOT NULL,
    recalc_reason  VARCHAR(300)      NULL,
    penalties      BIGINT            NOT NULL,
    paid           BIGINT            NOT NULL,
    closing        BIGINT            NOT NULL,
    account_id     INT UNSIGNED      NULL,
    service_id     SMALLINT UNSIGNED NULL,
    PRIMARY KEY (import_id, line),
    KEY ix_stage_charges_key (import_id, account_number, service_code, period)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE stage_payments (
    import_id      BIGINT UNSIGNED NOT NULL,
    line           BIGINT UNSIGNED NOT NULL,
    bad        TINYINT(1)      NOT NULL DEFAULT 0,  -- a check after reading refused it
    account_number VARCHAR(20)     NOT NULL,
    paid_at        DATETIME        NOT NULL,
    amount         BIGINT          NOT NULL,
    channel        VARCHAR(16)     NOT NULL,
    bank           VARCHAR(100)    NULL,
    source_id      VARCHAR(64)     NOT NULL,
    account_id     INT UNSIGNED    NULL,
    PRIMARY KEY (import_id, line),
    KEY ix_stage_payments_key (import_id, source_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE stage_readings (
    import_id      BIGINT UNSIGNED  NOT NULL,
    line           BIGINT UNSIGNED  NOT NULL,
    bad        TINYINT(1)      NOT NULL DEFAULT 0,  -- a check after reading refused it
    account_number VARCHAR(20)      NOT NULL,
    meter_number   VARCHAR(32)      NOT NULL,
    zone           TINYINT UNSIGNED NOT NULL,
    taken_on       DATE             NOT NULL,
    value_milli    BIGINT           NOT NULL,  -- thousandths, as read
    value          BIGINT           NULL,      -- in the meter's decimals, once the meter is known
    meter_id       INT UNSIGNED     NULL,
    PRIMARY KEY (import_id, line),
    KEY ix_stage_readings_key (import_id, meter_id, zone, taken_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Change feeds.  A reading or payment gets the next number of its feed when
-- it is written or its status changes.  The number comes from one row that
-- the writing transaction keeps locked until it commits, so numbers become
-- visible in order: a reader paging by "after number N" never skips a row
-- that commits later with a smaller one (an AUTO_INCREMENT id can).
CREATE TABLE feed_counters (
    name VARCHAR(16)     NOT NULL,
    n    BIGINT UNSIGNED NOT NULL,
    PRIMARY KEY (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
INSERT INTO feed_counters (name, n) VALUES ('readings', 0), ('payments', 0);

ALTER TABLE readings ADD COLUMN feed_seq BIGINT UNSIGNED NULL, ADD UNIQUE KEY uq_readings_feed (feed_seq);
ALTER TABLE payments ADD COLUMN feed_seq BIGINT UNSIGNED NULL, ADD UNIQUE KEY uq_payments_feed (feed_seq);

DELIMITER //
CREATE TRIGGER readings_feed_insert BEFORE INSERT ON readings FOR EACH ROW
BEGIN
    UPDATE feed_counters SET n = n + 1 WHERE name = 'readings';
    SET NEW.feed_seq = (SELECT n FROM feed_counters WHERE name = 'readings');
END//
CREATE TRIGGER readings_feed_update BEFORE UPDATE ON readings FOR EACH ROW
BEGIN
    IF NOT (NEW.status <=> OLD.status) OR NOT (NEW.value <=> OLD.value) THEN
        UPDATE feed_counters SET n = n + 1 WHERE name = 'readings';
        SET NEW.feed_seq = (SELECT n FROM feed_counters WHERE name = 'readings');
    END IF;
END//
CREATE TRIGGER payments_feed_insert BEFORE INSERT ON payments FOR EACH ROW
BEGIN
    UPDATE feed_counters SET n = n + 1 WHERE name = 'payments';
    SET NEW.feed_seq = (SELECT n FROM feed_counters WHERE name = 'payments');
END//
CREATE TRIGGER payments_feed_update BEFORE UPDATE ON payments FOR EACH ROW
BEGIN
    IF NOT (NEW.status <=> OLD.status) THEN
        UPDATE feed_counters SET n = n + 1 WHERE name = 'payments';
        SET NEW.feed_seq = (SELECT n FROM feed_counters WHERE name = 'payments');
    END IF;
END//
DELIMITER ;

-- Rows written before the feeds existed join them in id order.
SET @n = 0;
UPDATE readings SET feed_seq = (@n := @n + 1) ORDER BY id;
UPDATE feed_counters SET n = @n WHERE name = 'readings';
SET @n = 0;
UPDATE payments SET feed_seq = (@n := @n + 1) ORDER BY id;
UPDATE feed_counters SET n = @n WHERE name = 'payments';

-- A billing system's key to /api/v1/: shown once, kept as a hash.
CREATE TABLE api_keys (
    id              BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    organization_id INT UNSIGNED    NOT NULL,
    name            VARCHAR(100)    NOT NULL,
    prefix          VARCHAR(16)     NOT NULL,  -- the first characters, to tell keys apart
    hash            BINARY(32)      NOT NULL,  -- BLAKE2b of the whole key
    scopes          VARCHAR(200)    NOT NULL,  -- space-separated, from the list in api.c
    rate_per_minute INT UNSIGNED    NOT NULL,
    created_by      BIGINT UNSIGNED NULL,
    created_at      DATETIME(6)     NOT NULL,
    revoked_at      DATETIME(6)     NULL,
    last_used_at    DATETIME(6)     NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_api_keys_hash (hash),
    KEY ix_api_keys_org (organization_id, id),
    CONSTRAINT fk_api_keys_org FOREIGN KEY (organization_id) REFERENCES organizations (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Requests per key and minute, for the rate limit (rows older than an hour go).
CREATE TABLE api_rate (
    key_id BIGINT UNSIGNED NOT NULL,
    minute DATETIME        NOT NULL,
    n      INT UNSIGNED    NOT NULL,
    PRIMARY KEY (key_id, minute)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A POST's answer under its Idempotency-Key, so a replay gets it again (a day).
CREATE TABLE api_idempotency (
    key_id       BIGINT UNSIGNED   NOT NULL,
    idem_key     VARCHAR(64)       NOT NULL,
    request_hash BINARY(32)        NOT NULL,
    status       SMALLINT UNSIGNED NOT NULL,  -- 0 while the first request runs
    body         MEDIUMTEXT        NULL,
    location     VARCHAR(200)      NULL,
    created_at   DATETIME(6)       NOT NULL,
    PRIMARY KEY (key_id, idem_key),
    KEY ix_api_idempotency_at (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
