-- 050: invoices on demand (счёт на оплату, issue 24).
--
-- A subscriber who may pay an account asks for an invoice of an amount, or
-- of a quantity of one service at its tariff, for one service or for the
-- account as a whole, to print, to hand to an accountant, or to pay online.  Numbers run per organization and calendar
-- year (the organization's), from 1, with no gaps: an invoice takes the
-- next number from its counter row in the transaction that stores it, so a
-- number rolled back is taken again, and two invoices at once wait for each
-- other on that row.
CREATE TABLE invoice_counters (
    organization_id INT UNSIGNED      NOT NULL,
    year            SMALLINT UNSIGNED NOT NULL,
    last_number     INT UNSIGNED      NOT NULL,
    PRIMARY KEY (organization_id, year)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE invoices (
    id              BIGINT UNSIGNED   NOT NULL AUTO_INCREMENT,
    organization_id INT UNSIGNED      NOT NULL,
    year            SMALLINT UNSIGNED NOT NULL,
    number          INT UNSIGNED      NOT NULL,
    account_id      INT UNSIGNED      NOT NULL,
    service_id      SMALLINT UNSIGNED NULL,      -- NULL: the account's services together
    amount          BIGINT            NOT NULL,  -- minor units of the organization's currency
    -- Asked for by the service's tariff: the quantity (thousandths of its unit)
    -- at the price (core/money.h PRICE_PER_MINOR) it had; the amount is their product.
    quantity        BIGINT            NULL,
    tariff          BIGINT            NULL,
    created_by      BIGINT UNSIGNED   NOT NULL,  -- the subscriber who asked for it
    created_at      DATETIME(6)       NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_invoice_number (organization_id, year, number),
    KEY ix_invoices_account (account_id, created_at),
    CONSTRAINT fk_invoice_account FOREIGN KEY (account_id) REFERENCES accounts (id),
    CONSTRAINT fk_invoice_service FOREIGN KEY (service_id) REFERENCES services (id),
    CONSTRAINT ck_invoice_amount CHECK (amount > 0),
    CONSTRAINT ck_invoice_number CHECK (number > 0),
    CONSTRAINT ck_invoice_by_tariff CHECK ((quantity IS NULL) = (tariff IS NULL)
                                           AND (quantity IS NULL OR service_id IS NOT NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The online payments made for an invoice: it is paid when one of them
-- succeeded.  Read, never kept as a status of its own, so a payment that
-- settles late or is refunded is never out of step with it.
CREATE TABLE invoice_payments (
    invoice_id BIGINT UNSIGNED NOT NULL,
    online_id  BIGINT UNSIGNED NOT NULL,
    PRIMARY KEY (invoice_id, online_id),
    KEY ix_invoice_payments_online (online_id),
    CONSTRAINT fk_invoice_payment_invoice FOREIGN KEY (invoice_id) REFERENCES invoices (id),
    CONSTRAINT fk_invoice_payment_online FOREIGN KEY (online_id) REFERENCES online_payments (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
