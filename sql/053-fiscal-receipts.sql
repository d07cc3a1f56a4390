-- 053: the fiscal receipt (кассовый чек, 54-FZ) of each online payment (issue 25).
--
-- The provider registers a receipt with its fiscal data operator when it
-- takes a payment, usually within seconds, sometimes hours later.  Settling
-- asks for it once; the payment jobs ask again for those still without one,
-- for three days.  The three numbers (ФН, ФД, ФП) are what anyone checks a
-- receipt by; they are shown with the payment and put in its e-mail.
CREATE TABLE fiscal_receipts (
    online_id       BIGINT UNSIGNED NOT NULL,
    receipt_id      VARCHAR(64)     NOT NULL,  -- the provider's
    storage_number  VARCHAR(20)     NOT NULL,  -- ФН
    document_number VARCHAR(20)     NOT NULL,  -- ФД
    fiscal_sign     VARCHAR(20)     NOT NULL,  -- ФП
    registered_at   DATETIME        NOT NULL,  -- UTC
    PRIMARY KEY (online_id),
    CONSTRAINT fk_fiscal_online FOREIGN KEY (online_id) REFERENCES online_payments (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- When the jobs last asked about a succeeded payment still without a receipt.
ALTER TABLE online_payments ADD COLUMN fiscal_asked_at DATETIME(6) NULL AFTER settled_at;
