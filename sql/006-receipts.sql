-- 006: monthly receipts (платёжные документы), their payment QR code, and
-- receipts by e-mail.
--
-- A receipt is not stored: it is an account's ledger for a month, shown once
-- the organization has issued that month.  Issuing (receiptjobs issue) checks
-- the payee's bank details first, so a receipt with a QR code that would send
-- money nowhere is never shown to anyone.

-- What a receipt prints about the payee beyond 003's bank details.
ALTER TABLE organizations
    ADD COLUMN kpp          CHAR(9)       NULL,  -- КПП; NULL for a payee without one
    ADD COLUMN website      VARCHAR(200)  NULL,
    ADD COLUMN receipt_note VARCHAR(1000) NULL,  -- the organization's notice on every receipt
    ADD COLUMN qr_category  VARCHAR(40)   NULL,  -- GOST R 56042 Category, if the payee wants one
    ADD COLUMN qr_tech_code CHAR(2)       NULL,  -- TechCode: 02 is housing and utilities
    ADD COLUMN pay_by_day   TINYINT UNSIGNED NOT NULL DEFAULT 10,  -- of the next month (Rules 354 p. 66)
    ADD CONSTRAINT ck_organizations_pay_by CHECK (pay_by_day BETWEEN 1 AND 28);

-- The months an organization has issued receipts for, one row per month: an
-- account's receipt exists when its organization issued the month and the
-- account was billed in it.
CREATE TABLE receipt_issues (
    organization_id INT UNSIGNED NOT NULL,
    period          DATE         NOT NULL,
    due_on          DATE         NOT NULL,  -- "pay by", printed on every receipt of the month
    issued_at       DATETIME     NOT NULL,
    PRIMARY KEY (organization_id, period),
    CONSTRAINT fk_receipt_issues_org FOREIGN KEY (organization_id) REFERENCES organizations (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A subscriber who takes an account's receipts by e-mail instead of on paper.
ALTER TABLE subscriber_accounts
    ADD COLUMN receipt_email TINYINT(1) NOT NULL DEFAULT 0;
