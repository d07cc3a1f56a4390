-- 005: paying online, autopay, and the outbox of notifications.
--
-- A payment made through the portal is an online_payments row (one per trip
-- to the provider) with one payments row per account it pays for.  Both are
-- written before the subscriber is sent to the provider; the ledger is
-- credited only in the transaction that marks the payment succeeded, so a
-- payment is credited once or not at all.

-- Payments carry a time, who took the money, and a state.  Those loaded from
-- the organization's systems are succeeded when they arrive.
ALTER TABLE payments
    CHANGE paid_on paid_at DATETIME NOT NULL,
    ADD COLUMN bank      VARCHAR(100) NULL AFTER channel,   -- the bank or agent that took it
    ADD COLUMN status    VARCHAR(10)  NOT NULL DEFAULT 'succeeded' AFTER bank,
    ADD COLUMN online_id BIGINT UNSIGNED NULL AFTER status,
    ADD KEY ix_payments_online (online_id),
    ADD CONSTRAINT ck_payments_status CHECK (status IN ('pending', 'succeeded', 'canceled')),
    ADD CONSTRAINT ck_payments_channel CHECK (channel IN ('card', 'bank', 'cash', 'autopay'));

-- How a payment was spread over the account's services (split.c's rule).
-- An amount beyond every debt is an advance, kept on the services in
-- proportion to their last charges, so it is here too.
CREATE TABLE payment_lines (
    payment_id BIGINT UNSIGNED   NOT NULL,
    service_id SMALLINT UNSIGNED NOT NULL,
    period     DATE              NOT NULL,  -- the ledger month it was credited to
    amount     BIGINT            NOT NULL,
    PRIMARY KEY (payment_id, service_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Organizations whose accounts may be paid through the portal's acquirer.
ALTER TABLE organizations ADD COLUMN pay_online TINYINT(1) NOT NULL DEFAULT 0;

-- One payment at the provider.  created: written, not yet at the provider;
-- pending: the provider has it; succeeded and canceled are final.
CREATE TABLE online_payments (
    id               BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    subscriber_id    BIGINT UNSIGNED NOT NULL,
    idem_key         CHAR(43)        NOT NULL,  -- the form's key, also the provider's Idempotence-Key
    kind             VARCHAR(8)      NOT NULL,  -- card: the subscriber paid; autopay: we charged
    provider         VARCHAR(16)     NOT NULL,
    provider_id      VARCHAR(64)     NULL,
    status           VARCHAR(10)     NOT NULL,
    amount           BIGINT          NOT NULL,
    currency         CHAR(3)         NOT NULL,
    save_method      TINYINT(1)      NOT NULL DEFAULT 0,
    confirmation_url VARCHAR(1000)   NULL,
    method_id        VARCHAR(64)     NULL,  -- a saved method, until autopay takes it or a day passes
    method_title     VARCHAR(100)    NULL,  -- the provider's masked title: "Bank card *4444"
    cancel_reason    VARCHAR(64)     NULL,
    lang             CHAR(2)         NOT NULL,
    created_at       DATETIME(6)     NOT NULL,
    settled_at       DATETIME(6)     NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_online_key (subscriber_id, idem_key),
    UNIQUE KEY uq_online_provider (provider, provider_id),
    KEY ix_online_open (status, created_at),
    KEY ix_online_method (method_id),  -- the few saved methods still held
    CONSTRAINT ck_online_status CHECK (status IN ('created', 'pending', 'succeeded', 'canceled')),
    CONSTRAINT ck_online_kind CHECK (kind IN ('card', 'autopay')),
    CONSTRAINT ck_online_amount CHECK (amount > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Monthly autopay of one account from a saved payment method.  Turning it
-- off deletes the row, and with it the method id.
CREATE TABLE autopays (
    id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    subscriber_id BIGINT UNSIGNED NOT NULL,
    account_id    INT UNSIGNED    NOT NULL,
    provider      VARCHAR(16)     NOT NULL,
    method_id     VARCHAR(64)     NOT NULL,
    method_title  VARCHAR(100)    NOT NULL,
    day           TINYINT UNSIGNED NOT NULL,  -- 1..28: every month has it
    max_amount    BIGINT          NOT NULL,
    created_at    DATETIME(6)     NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_autopays_account (subscriber_id, account_id),
    KEY ix_autopays_day (day),
    CONSTRAINT ck_autopays_day CHECK (day BETWEEN 1 AND 28),
    CONSTRAINT ck_autopays_max CHECK (max_amount > 0),
    CONSTRAINT fk_autopays_subscriber FOREIGN KEY (subscriber_id) REFERENCES subscribers (id)
        ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per autopay and month, written before the charge: a second run of
-- the scheduled program on the same day charges nobody twice.
CREATE TABLE autopay_runs (
    autopay_id  BIGINT UNSIGNED NOT NULL,
    month       DATE            NOT NULL,
    account_id  INT UNSIGNED    NOT NULL,
    online_id   BIGINT UNSIGNED NULL,
    result      VARCHAR(12)     NOT NULL,  -- charging, nothing-due, failed; then the payment decides
    amount      BIGINT          NOT NULL,
    at          DATETIME(6)     NOT NULL,
    PRIMARY KEY (autopay_id, month),
    KEY ix_autopay_runs_online (online_id)  -- a late confirmation finds its run
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every message the portal sends.  The writer renders nothing: kind and
-- params (an XML fragment) are turned into text in the subscriber's language
-- by the delivery program, which marks what it sent.
CREATE TABLE outbox (
    id              BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    subscriber_id   BIGINT UNSIGNED NULL,
    channel         VARCHAR(8)      NOT NULL,
    address         VARCHAR(254)    NOT NULL,
    lang            CHAR(2)         NOT NULL,
    kind            VARCHAR(32)     NOT NULL,
    params          TEXT            NOT NULL,
    status          VARCHAR(8)      NOT NULL DEFAULT 'queued',
    attempts        SMALLINT UNSIGNED NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(6)     NOT NULL,
    created_at      DATETIME(6)     NOT NULL,
    sent_at         DATETIME(6)     NULL,
    last_error      VARCHAR(300)    NULL,
    PRIMARY KEY (id),
    KEY ix_outbox_due (status, next_attempt_at),
    CONSTRAINT ck_outbox_channel CHECK (channel IN ('email', 'sms')),
    CONSTRAINT ck_outbox_status CHECK (status IN ('queued', 'sent', 'failed'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
