-- 051: told when an account's balance falls under a threshold (issue 24).
--
-- A subscriber who may view an account (a company's accountant, a holder)
-- sets the balance under which they want to hear of it: the hourly reminder
-- run tells them once, by their choices for reminders, and again only after
-- the balance has come back up to the threshold and fallen again.
CREATE TABLE balance_alerts (
    subscriber_id BIGINT UNSIGNED NOT NULL,
    account_id    INT UNSIGNED    NOT NULL,
    threshold     BIGINT          NOT NULL,  -- minor units of the account's currency
    below         TINYINT(1)      NOT NULL DEFAULT 0,  -- told; cleared when back up
    set_at        DATETIME(6)     NOT NULL,
    PRIMARY KEY (subscriber_id, account_id),
    KEY ix_balance_alerts_account (account_id),
    CONSTRAINT fk_balance_alert_subscriber FOREIGN KEY (subscriber_id) REFERENCES subscribers (id)
        ON DELETE CASCADE,
    CONSTRAINT fk_balance_alert_account FOREIGN KEY (account_id) REFERENCES accounts (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
