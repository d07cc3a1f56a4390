-- 052: an account that belongs to a company (issue 24).
--
-- Its holder (the company's owner in the cabinet) names the company: the
-- invoices then name it as the payer, and /access names the rights it gives
-- as a company's roles (accountant: everything but inviting; viewer: view
-- only).  One company per account; the tax number is an INN (Russia) or a BIN
-- (Kazakhstan), checked by its check digits before it is stored.
CREATE TABLE account_companies (
    account_id    INT UNSIGNED    NOT NULL,
    name          VARCHAR(200)    NOT NULL,
    tax_id        VARCHAR(12)     NOT NULL,
    kpp           CHAR(9)         NULL,
    legal_address VARCHAR(300)    NOT NULL,
    set_by        BIGINT UNSIGNED NOT NULL,
    set_at        DATETIME(6)     NOT NULL,
    PRIMARY KEY (account_id),
    CONSTRAINT fk_company_account FOREIGN KEY (account_id) REFERENCES accounts (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
