-- 046: a supplier paid to its own bank account.
--
-- Until now every service was paid to the organization's account, which
-- settles with its suppliers.  A supplier may instead take its money itself
-- (a water utility billed by a settlement centre, its own payee): its bank
-- details are then set here, checked as the organization's are (billing/
-- receipt.c payee_check()), and a receipt has one section and one payment QR
-- code per payee, each asking for its own services' debts.  NULL bank_account:
-- paid through the organization, as before.
ALTER TABLE suppliers
    ADD COLUMN short_name   VARCHAR(60)  NULL,  -- the payee's name in a QR code, if set
    ADD COLUMN kpp          CHAR(9)      NULL,
    ADD COLUMN bank_name    VARCHAR(200) NULL,
    ADD COLUMN bic          VARCHAR(11)  NULL,
    ADD COLUMN bank_account VARCHAR(34)  NULL,
    ADD COLUMN corr_account VARCHAR(20)  NULL;

-- A receipt as issued keeps each line's payee and each payee's details.
ALTER TABLE receipt_document_lines
    ADD COLUMN payee_id INT UNSIGNED NULL;  -- the supplier paid directly; NULL: the organization

CREATE TABLE receipt_document_payees (
    account_id   INT UNSIGNED      NOT NULL,
    period       DATE              NOT NULL,
    version      SMALLINT UNSIGNED NOT NULL,
    supplier_id  INT UNSIGNED      NOT NULL,
    name         VARCHAR(200)      NOT NULL,
    short_name   VARCHAR(60)       NULL,
    inn          VARCHAR(12)       NOT NULL,
    kpp          CHAR(9)           NULL,
    bank_name    VARCHAR(200)      NOT NULL,
    bic          VARCHAR(11)       NOT NULL,
    bank_account VARCHAR(34)       NOT NULL,
    corr_account VARCHAR(20)       NULL,
    PRIMARY KEY (account_id, period, version, supplier_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A payment's share of each service is recorded with whom it is owed to:
-- what the organization passes on to each payee is a sum over these.
ALTER TABLE payment_lines
    ADD COLUMN payee_id INT UNSIGNED NULL;  -- the supplier paid directly; NULL: the organization

-- The services file says a supplier's own bank details (all optional).
ALTER TABLE stage_services
    ADD COLUMN supplier_kpp          CHAR(9)      NULL,
    ADD COLUMN supplier_bank_name    VARCHAR(200) NULL,
    ADD COLUMN supplier_bic          VARCHAR(11)  NULL,
    ADD COLUMN supplier_account      VARCHAR(34)  NULL,
    ADD COLUMN supplier_corr_account VARCHAR(20)  NULL,
    ADD COLUMN supplier_qr_name      VARCHAR(60)  NULL;
