-- 003: who bills whom for what, and the monthly ledger.
-- Money is BIGINT minor units (kopecks, tiyn), never a float; the currency is
-- the organization's.  Periods are the first day of a month.

CREATE TABLE organizations (
    id            INT UNSIGNED NOT NULL AUTO_INCREMENT,
    name          VARCHAR(200) NOT NULL,
    inn           VARCHAR(12)  NOT NULL,
    address       VARCHAR(300) NOT NULL,
    phones        VARCHAR(100) NOT NULL,
    email         VARCHAR(254) NOT NULL,
    bank_name     VARCHAR(200) NOT NULL,
    bic           CHAR(9)      NOT NULL,
    bank_account  CHAR(20)     NOT NULL,  -- расчётный счёт
    corr_account  CHAR(20)     NOT NULL,  -- корреспондентский счёт
    currency      CHAR(3)      NOT NULL,  -- ISO 4217, one of lib/money.c's
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE suppliers (
    id              INT UNSIGNED NOT NULL AUTO_INCREMENT,
    organization_id INT UNSIGNED NOT NULL,
    name            VARCHAR(200) NOT NULL,
    inn             VARCHAR(12)  NOT NULL,
    phone           VARCHAR(50)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_suppliers_org FOREIGN KEY (organization_id) REFERENCES organizations (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A service's name is kept in both catalog languages: it is data, not a message.
CREATE TABLE services (
    id              SMALLINT UNSIGNED NOT NULL AUTO_INCREMENT,
    organization_id INT UNSIGNED NOT NULL,
    supplier_id     INT UNSIGNED NOT NULL,
    code            VARCHAR(32)  NOT NULL,
    name_ru         VARCHAR(100) NOT NULL,
    name_en         VARCHAR(100) NOT NULL,
    unit            VARCHAR(16)  NOT NULL,  -- kWh, m3, Gcal, m2, month: a catalog key
    PRIMARY KEY (id),
    UNIQUE KEY uq_services_code (organization_id, code),
    CONSTRAINT fk_services_org FOREIGN KEY (organization_id) REFERENCES organizations (id),
    CONSTRAINT fk_services_supplier FOREIGN KEY (supplier_id) REFERENCES suppliers (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE accounts (
    id                 INT UNSIGNED NOT NULL AUTO_INCREMENT,
    organization_id    INT UNSIGNED NOT NULL,
    number             VARCHAR(20)  NOT NULL,
    payer_name         VARCHAR(200) NOT NULL,
    address            VARCHAR(300) NOT NULL,
    residents          TINYINT UNSIGNED NOT NULL,
    area_centi_m2      INT UNSIGNED NOT NULL,  -- 54.30 m2 = 5430: exact, like money
    phone              VARCHAR(32)  NULL,
    meters_replaced_on DATE         NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_accounts_number (organization_id, number),
    CONSTRAINT fk_accounts_org FOREIGN KEY (organization_id) REFERENCES organizations (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One subscriber, many accounts; one account, several subscribers.
CREATE TABLE subscriber_accounts (
    subscriber_id BIGINT UNSIGNED NOT NULL,
    account_id    INT UNSIGNED NOT NULL,
    linked_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (subscriber_id, account_id),
    KEY ix_subscriber_accounts_account (account_id),
    CONSTRAINT fk_sa_subscriber FOREIGN KEY (subscriber_id) REFERENCES subscribers (id)
        ON DELETE CASCADE,
    CONSTRAINT fk_sa_account FOREIGN KEY (account_id) REFERENCES accounts (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The account the other sections show.  It is only honoured while the link
-- exists (the session lookup joins subscriber_accounts), so unlinking never
-- leaves a subscriber looking at someone else's account.
ALTER TABLE subscribers ADD COLUMN current_account_id INT UNSIGNED NULL;

-- One row per account x month x service.  The key starts with the account and
-- then the month: "the latest month of an account" is one index dive and a
-- period is one range, however many accounts there are.  The CHECK keeps the
-- invariant in the database itself; tests/http checks it again on all data.
CREATE TABLE ledger (
    account_id  INT UNSIGNED      NOT NULL,
    service_id  SMALLINT UNSIGNED NOT NULL,
    period      DATE              NOT NULL,
    tariff      BIGINT            NOT NULL,  -- minor units per unit of the service
    quantity    BIGINT            NOT NULL,  -- thousandths of the unit
    opening     BIGINT            NOT NULL,  -- positive: the subscriber owes
    accrued     BIGINT            NOT NULL,
    corrections BIGINT            NOT NULL,  -- sum of corrections for the row
    paid        BIGINT            NOT NULL,
    closing     BIGINT            NOT NULL,
    PRIMARY KEY (account_id, period, service_id),
    CONSTRAINT ck_ledger_balance CHECK (closing = opening + accrued + corrections - paid)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Recalculations, each with its reason; ledger.corrections is their sum.
CREATE TABLE corrections (
    id         BIGINT UNSIGNED   NOT NULL AUTO_INCREMENT,
    account_id INT UNSIGNED      NOT NULL,
    service_id SMALLINT UNSIGNED NOT NULL,
    period     DATE              NOT NULL,
    amount     BIGINT            NOT NULL,  -- negative: the charge was reduced
    reason     VARCHAR(300)      NOT NULL,
    PRIMARY KEY (id),
    KEY ix_corrections_row (account_id, service_id, period)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Money received for an account; ledger.paid spreads it over the services.
CREATE TABLE payments (
    id         BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    account_id INT UNSIGNED    NOT NULL,
    paid_on    DATE            NOT NULL,
    amount     BIGINT          NOT NULL,
    channel    VARCHAR(16)     NOT NULL,  -- bank, card, cash, kabinet: a catalog key
    PRIMARY KEY (id),
    KEY ix_payments_account (account_id, paid_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Failed "add account" checks count against a subscriber for an hour.
CREATE TABLE link_attempts (
    id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    subscriber_id BIGINT UNSIGNED NOT NULL,
    at            DATETIME(6)     NOT NULL,
    ok            TINYINT(1)      NOT NULL,
    PRIMARY KEY (id),
    KEY ix_link_attempts_subscriber (subscriber_id, ok, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
