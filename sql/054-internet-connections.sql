-- 054: internet access as a kind of service, and the promised payment (issue 25).
--
-- A service of an account is internet access when the billing system sends
-- its connection (a connections file, docs/exchange.md): the plan (name,
-- speed, monthly fee), the connection's login and address, and whether it is
-- active or suspended for debt.  What the billing system says is kept as it
-- says it; the portal adds only the promised payment.
CREATE TABLE connections (
    account_id     INT UNSIGNED      NOT NULL,
    service_id     SMALLINT UNSIGNED NOT NULL,
    plan_name      VARCHAR(100)      NOT NULL,
    speed_kbps     INT UNSIGNED      NOT NULL,
    monthly_fee    BIGINT            NOT NULL,  -- minor units of the organization's currency
    login          VARCHAR(64)       NOT NULL,
    ip_address     VARCHAR(45)       NULL,
    state          VARCHAR(10)       NOT NULL,
    updated_at     DATETIME(6)       NOT NULL,
    PRIMARY KEY (account_id, service_id),
    CONSTRAINT ck_connection_state CHECK (state IN ('active', 'suspended')),
    CONSTRAINT fk_connection_account FOREIGN KEY (account_id) REFERENCES accounts (id),
    CONSTRAINT fk_connection_service FOREIGN KEY (service_id) REFERENCES services (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE stage_connections (
    import_id      BIGINT UNSIGNED   NOT NULL,
    line           BIGINT UNSIGNED   NOT NULL,
    bad            TINYINT(1)        NOT NULL DEFAULT 0,
    account_number VARCHAR(20)       NOT NULL,
    service_code   VARCHAR(32)       NOT NULL,
    plan_name      VARCHAR(100)      NOT NULL,
    speed_kbps     INT UNSIGNED      NOT NULL,
    monthly_fee    BIGINT            NOT NULL,
    login          VARCHAR(64)       NOT NULL,
    ip_address     VARCHAR(45)       NULL,
    state          VARCHAR(10)       NOT NULL,
    account_id     INT UNSIGNED      NULL,
    service_id     SMALLINT UNSIGNED NULL,
    PRIMARY KEY (import_id, line),
    KEY ix_stage_connections_key (import_id, account_number, service_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The organization's rule for a promised payment (обещанный платёж): a
-- suspended connection is enabled for promise_days once a calendar month
-- (in the organization's time zone) while the account's debt is at most
-- promise_limit.  0 days: the organization offers none.
ALTER TABLE organizations
    ADD COLUMN promise_days  TINYINT UNSIGNED NOT NULL DEFAULT 0,
    ADD COLUMN promise_limit BIGINT           NOT NULL DEFAULT 0;

-- Each promise asked for: who, when, until when, and the debt it was given
-- at.  The billing system reads them through the export and the API (it
-- enables the line); the subscriber's page shows the one running.
CREATE TABLE promises (
    id            BIGINT UNSIGNED   NOT NULL AUTO_INCREMENT,
    account_id    INT UNSIGNED      NOT NULL,
    service_id    SMALLINT UNSIGNED NOT NULL,
    subscriber_id BIGINT UNSIGNED   NULL,      -- NULL once the subscriber is deleted
    requested_at  DATETIME(6)       NOT NULL,  -- UTC
    until         DATETIME(6)       NOT NULL,  -- UTC
    debt          BIGINT            NOT NULL,  -- minor units, when asked
    PRIMARY KEY (id),
    KEY ix_promises_line (account_id, service_id, requested_at),
    KEY ix_promises_requested (requested_at),
    CONSTRAINT fk_promise_connection FOREIGN KEY (account_id, service_id)
        REFERENCES connections (account_id, service_id),
    CONSTRAINT fk_promise_subscriber FOREIGN KEY (subscriber_id) REFERENCES subscribers (id)
        ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE imports DROP CONSTRAINT ck_imports_kind;
ALTER TABLE imports ADD CONSTRAINT ck_imports_kind CHECK (kind IN ('accounts', 'services',
    'meters', 'charges', 'payments', 'readings', 'tariffs', 'tariff_limits', 'charge_lines',
    'connections'));
