-- 056: usage statements: telephone calls and internet sessions (issue 25).
--
-- A telephone or internet company's billing system sends what each line was
-- used for (a usage file, docs/exchange.md): calls with the other party's
-- number, the duration and the cost, and connection sessions with their
-- traffic.  Each record has the billing system's own id, so a file sent
-- twice adds nothing and a record sent again is corrected.  Times are kept in
-- UTC; /usage asks for a period in the organization's time zone.
CREATE TABLE usage_records (
    id          BIGINT UNSIGNED   NOT NULL AUTO_INCREMENT,
    account_id  INT UNSIGNED      NOT NULL,
    service_id  SMALLINT UNSIGNED NOT NULL,
    source_id   VARCHAR(64)       NOT NULL,  -- the billing system's own id
    kind        VARCHAR(8)        NOT NULL,  -- call, session
    started_at  DATETIME          NOT NULL,  -- UTC
    ended_at    DATETIME          NOT NULL,  -- UTC
    number      VARCHAR(32)       NULL,      -- a call's other party
    bytes_in    BIGINT UNSIGNED   NULL,      -- a session's traffic
    bytes_out   BIGINT UNSIGNED   NULL,
    cost        BIGINT            NULL,      -- minor units; NULL: within the plan
    PRIMARY KEY (id),
    UNIQUE KEY uq_usage_source (account_id, service_id, source_id),
    -- The page reads a period newest first, of every kind or of one: each
    -- along its own index, so neither sorts.
    KEY ix_usage_time (account_id, started_at),
    KEY ix_usage_kind_time (account_id, kind, started_at),
    CONSTRAINT ck_usage_kind CHECK (kind IN ('call', 'session')),
    CONSTRAINT ck_usage_order CHECK (ended_at >= started_at),
    CONSTRAINT fk_usage_account FOREIGN KEY (account_id) REFERENCES accounts (id),
    CONSTRAINT fk_usage_service FOREIGN KEY (service_id) REFERENCES services (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE stage_usage (
    import_id      BIGINT UNSIGNED   NOT NULL,
    line           BIGINT UNSIGNED   NOT NULL,
    bad            TINYINT(1)        NOT NULL DEFAULT 0,
    account_number VARCHAR(20)       NOT NULL,
    service_code   VARCHAR(32)       NOT NULL,
    source_id      VARCHAR(64)       NOT NULL,
    kind           VARCHAR(8)        NOT NULL,
    started_at     DATETIME          NOT NULL,
    ended_at       DATETIME          NOT NULL,
    number         VARCHAR(32)       NULL,
    bytes_in       BIGINT UNSIGNED   NULL,
    bytes_out      BIGINT UNSIGNED   NULL,
    cost           BIGINT            NULL,
    account_id     INT UNSIGNED      NULL,
    service_id     SMALLINT UNSIGNED NULL,
    PRIMARY KEY (import_id, line),
    KEY ix_stage_usage_key (import_id, account_number, service_code, source_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE imports DROP CONSTRAINT ck_imports_kind;
ALTER TABLE imports ADD CONSTRAINT ck_imports_kind CHECK (kind IN ('accounts', 'services',
    'meters', 'charges', 'payments', 'readings', 'tariffs', 'tariff_limits', 'charge_lines',
    'connections', 'objects', 'events', 'usage'));
