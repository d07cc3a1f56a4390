-- 025: an issued receipt never changes.
--
-- Until now a receipt was read from the ledger whenever it was shown, so a
-- correction loaded after the month was issued changed a document the
-- subscriber may already have paid by.  Issuing now stores each account's
-- receipt as issued: its head (payer, payee and bank details, due date), its
-- lines, its recalculations and the readings on its back.  Later corrections
-- appear as recalculations on a later month's receipt.  A receipt issued
-- again (receiptjobs reissue, with a reason) is a new version; the old one is
-- kept and marked replaced.  Whether it has been paid is not part of the
-- document: that is read from the ledger's later months when it is shown.
CREATE TABLE receipt_documents (
    account_id      INT UNSIGNED      NOT NULL,
    period          DATE              NOT NULL,
    version         SMALLINT UNSIGNED NOT NULL,
    organization_id INT UNSIGNED      NOT NULL,
    issued_at       DATETIME(6)       NOT NULL,
    reason          VARCHAR(300)      NULL,      -- why it was issued again
    replaced_at     DATETIME(6)       NULL,      -- when a later version replaced it
    payer_name      VARCHAR(200)      NOT NULL,
    address         VARCHAR(300)      NOT NULL,
    residents       TINYINT UNSIGNED  NOT NULL,
    area_centi_m2   INT UNSIGNED      NOT NULL,
    org_name        VARCHAR(200)      NOT NULL,
    org_short_name  VARCHAR(60)       NULL,
    inn             VARCHAR(12)       NOT NULL,
    kpp             CHAR(9)           NULL,
    org_address     VARCHAR(300)      NOT NULL,
    phones          VARCHAR(100)      NOT NULL,
    email           VARCHAR(254)      NOT NULL,
    website         VARCHAR(200)      NULL,
    bank_name       VARCHAR(200)      NOT NULL,
    bic             VARCHAR(11)       NOT NULL,
    bank_account    VARCHAR(34)       NOT NULL,
    corr_account    VARCHAR(20)       NOT NULL,
    currency        CHAR(3)           NOT NULL,
    receipt_note    VARCHAR(1000)     NULL,
    qr_category     VARCHAR(40)       NULL,
    qr_tech_code    CHAR(2)           NULL,
    due_on          DATE              NOT NULL,
    PRIMARY KEY (account_id, period, version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE receipt_document_lines (
    account_id  INT UNSIGNED      NOT NULL,
    period      DATE              NOT NULL,
    version     SMALLINT UNSIGNED NOT NULL,
    service_id  SMALLINT UNSIGNED NOT NULL,
    name_ru     VARCHAR(100)      NOT NULL,
    name_en     VARCHAR(100)      NOT NULL,
    supplier    VARCHAR(200)      NOT NULL,
    unit        VARCHAR(16)       NOT NULL,
    tariff      BIGINT            NOT NULL,
    quantity    BIGINT            NOT NULL,
    opening     BIGINT            NOT NULL,
    accrued     BIGINT            NOT NULL,
    corrections BIGINT            NOT NULL,
    paid        BIGINT            NOT NULL,
    closing     BIGINT            NOT NULL,
    PRIMARY KEY (account_id, period, version, service_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE receipt_document_corrections (
    account_id INT UNSIGNED      NOT NULL,
    period     DATE              NOT NULL,
    version    SMALLINT UNSIGNED NOT NULL,
    seq        BIGINT UNSIGNED   NOT NULL,  -- the correction's id: its order
    service_id SMALLINT UNSIGNED NOT NULL,
    name_ru    VARCHAR(100)      NOT NULL,
    name_en    VARCHAR(100)      NOT NULL,
    amount     BIGINT            NOT NULL,
    reason     VARCHAR(300)      NOT NULL,
    PRIMARY KEY (account_id, period, version, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE receipt_document_readings (
    account_id INT UNSIGNED      NOT NULL,
    period     DATE              NOT NULL,
    version    SMALLINT UNSIGNED NOT NULL,
    seq        BIGINT UNSIGNED   NOT NULL,  -- meter id x 3 + register: their order
    meter      VARCHAR(32)       NOT NULL,
    kind       VARCHAR(16)       NOT NULL,
    zone       TINYINT UNSIGNED  NOT NULL,
    zones      TINYINT UNSIGNED  NOT NULL,
    digits     TINYINT UNSIGNED  NOT NULL,
    decimals   TINYINT UNSIGNED  NOT NULL,
    prev       BIGINT            NULL,
    prev_on    DATE              NULL,
    curr       BIGINT            NULL,
    curr_on    DATE              NULL,
    PRIMARY KEY (account_id, period, version, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
