-- 021: the payer's own split of a payment over an account's services.
--
-- Rules 354, p. 118 shares a payment that does not cover the receipt in
-- proportion to what the receipt asks for each service, unless the payer
-- said how to share it.  The pay page lets the payer say so; the choice is
-- written with the pending payment and applied when the money arrives
-- (app/settle.c).  A payment without rows here is split by the rule.
CREATE TABLE payment_choices (
    payment_id BIGINT UNSIGNED   NOT NULL,
    service_id SMALLINT UNSIGNED NOT NULL,
    amount     BIGINT            NOT NULL,
    PRIMARY KEY (payment_id, service_id),
    CONSTRAINT fk_payment_choices_payment FOREIGN KEY (payment_id) REFERENCES payments (id)
        ON DELETE CASCADE,
    CONSTRAINT ck_payment_choices_amount CHECK (amount >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
