-- 013: refunds of online payments, made by staff through the provider.
--
-- A refund row is written before the provider is asked (status created),
-- with the key the provider is asked under, so asking again never refunds
-- twice; it counts against what is left to refund from then on.  The ledger
-- is written only in the transaction that marks the refund succeeded: one
-- negative payments row per account it takes back from, with its lines.
CREATE TABLE refunds (
    id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    online_id     BIGINT UNSIGNED NOT NULL,
    idem_key      CHAR(43)        NOT NULL,  -- the form's key, also the provider's Idempotence-Key
    amount        BIGINT          NOT NULL,
    status        VARCHAR(10)     NOT NULL,
    provider_id   VARCHAR(64)     NULL,
    reason        VARCHAR(300)    NOT NULL,
    staff_id      BIGINT UNSIGNED NOT NULL,
    created_at    DATETIME(6)     NOT NULL,
    settled_at    DATETIME(6)     NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_refunds_key (idem_key),
    UNIQUE KEY uq_refunds_provider (provider_id),
    KEY ix_refunds_online (online_id),
    CONSTRAINT ck_refunds_status CHECK (status IN ('created', 'pending', 'succeeded', 'canceled')),
    CONSTRAINT ck_refunds_amount CHECK (amount > 0),
    CONSTRAINT fk_refunds_online FOREIGN KEY (online_id) REFERENCES online_payments (id),
    CONSTRAINT fk_refunds_staff FOREIGN KEY (staff_id) REFERENCES staff (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The payments row a refund wrote (its amount is negative).
ALTER TABLE payments
    ADD COLUMN refund_id BIGINT UNSIGNED NULL AFTER online_id,
    ADD KEY ix_payments_refund (refund_id);
