-- 048: one summary row per account: what the dashboard shows of it (issue 22).
--
-- The dashboard read each account's latest month by a subquery, its three
-- newest payments by a statement of their own per account, and the chart's
-- months by another: 3 + N statements and a round trip each.  Now one
-- statement reads the accounts with their latest month's services (the
-- ledger, by its key) and these two rows per account, by their keys.
--
-- account_summaries is the ledger's side: the latest month billed and the
-- twelve months ending with it (charged and paid, month k is k months before
-- the latest; bit k of billed says that month has ledger rows).  The ledger's
-- triggers keep it, after account_months (sql/047), from which it is summed.
--
-- account_last_payments is the payments' side: the three newest succeeded
-- payments.  The payments' triggers keep it.  Two tables, not one row, so
-- that the two sides never lock the same row: settling a payment marks it
-- succeeded (locking this row) and then credits the ledger (locking its
-- rows, then account_summaries); a charges file locks ledger rows and then
-- account_summaries.  One shared row would let those two wait on each other.
-- A payment that succeeds is merged into the three it has (locking only that
-- row), not found again among the account's payments: that search would lock
-- the payments it reads, and two payments of one account settling at once
-- would each wait for the other's.  Only what is rare (a payment that stops
-- counting, or changes once counted) searches again.
--
-- Both are derived: recomputed for an account in the transaction of the
-- statement that changed its ledger or payments, whichever program wrote it,
-- and never written by a program.  The same procedures sum a range of
-- accounts after a bulk load (tools/stack.sh), which skips the per-row work
-- (@kabinet_loading, as sql/047).  tests/http checks both against the ledger
-- and the payments at the end of every run.
CREATE TABLE account_summaries (
    account_id    INT UNSIGNED      NOT NULL,
    latest_period DATE              NOT NULL,
    billed        SMALLINT UNSIGNED NOT NULL,  -- bit k: month latest - k has ledger rows
    charged_0     BIGINT            NOT NULL DEFAULT 0,
    charged_1     BIGINT            NOT NULL DEFAULT 0,
    charged_2     BIGINT            NOT NULL DEFAULT 0,
    charged_3     BIGINT            NOT NULL DEFAULT 0,
    charged_4     BIGINT            NOT NULL DEFAULT 0,
    charged_5     BIGINT            NOT NULL DEFAULT 0,
    charged_6     BIGINT            NOT NULL DEFAULT 0,
    charged_7     BIGINT            NOT NULL DEFAULT 0,
    charged_8     BIGINT            NOT NULL DEFAULT 0,
    charged_9     BIGINT            NOT NULL DEFAULT 0,
    charged_10    BIGINT            NOT NULL DEFAULT 0,
    charged_11    BIGINT            NOT NULL DEFAULT 0,
    paid_0        BIGINT            NOT NULL DEFAULT 0,
    paid_1        BIGINT            NOT NULL DEFAULT 0,
    paid_2        BIGINT            NOT NULL DEFAULT 0,
    paid_3        BIGINT            NOT NULL DEFAULT 0,
    paid_4        BIGINT            NOT NULL DEFAULT 0,
    paid_5        BIGINT            NOT NULL DEFAULT 0,
    paid_6        BIGINT            NOT NULL DEFAULT 0,
    paid_7        BIGINT            NOT NULL DEFAULT 0,
    paid_8        BIGINT            NOT NULL DEFAULT 0,
    paid_9        BIGINT            NOT NULL DEFAULT 0,
    paid_10       BIGINT            NOT NULL DEFAULT 0,
    paid_11       BIGINT            NOT NULL DEFAULT 0,
    PRIMARY KEY (account_id),
    CONSTRAINT fk_account_summaries_account FOREIGN KEY (account_id) REFERENCES accounts (id)
        ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE account_last_payments (
    account_id   INT UNSIGNED    NOT NULL,
    pay1_id      BIGINT UNSIGNED NULL,
    pay1_at      DATETIME        NULL,
    pay1_amount  BIGINT          NULL,
    pay1_channel VARCHAR(16)     NULL,
    pay2_id      BIGINT UNSIGNED NULL,
    pay2_at      DATETIME        NULL,
    pay2_amount  BIGINT          NULL,
    pay2_channel VARCHAR(16)     NULL,
    pay3_id      BIGINT UNSIGNED NULL,
    pay3_at      DATETIME        NULL,
    pay3_amount  BIGINT          NULL,
    pay3_channel VARCHAR(16)     NULL,
    PRIMARY KEY (account_id),
    CONSTRAINT fk_account_last_payments_account FOREIGN KEY (account_id) REFERENCES accounts (id)
        ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

DELIMITER //
-- The accounts lo..hi summed again from account_months: an account whose
-- ledger is gone loses its row.
CREATE PROCEDURE account_summaries_sum(p_lo INT UNSIGNED, p_hi INT UNSIGNED)
BEGIN
    DELETE FROM account_summaries WHERE account_id BETWEEN p_lo AND p_hi;
    INSERT INTO account_summaries (account_id, latest_period, billed,
        charged_0, charged_1, charged_2, charged_3, charged_4, charged_5, charged_6, charged_7, charged_8, charged_9, charged_10, charged_11,
        paid_0, paid_1, paid_2, paid_3, paid_4, paid_5, paid_6, paid_7, paid_8, paid_9, paid_10, paid_11)
    SELECT x.account_id, x.latest,
        BIT_OR(1 << TIMESTAMPDIFF(MONTH, m.period, x.latest)),
        SUM(IF(m.period = x.latest - INTERVAL 0 MONTH, m.charged, 0)),
        SUM(IF(m.period = x.latest - INTERVAL 1 MONTH, m.charged, 0)),
        SUM(IF(m.period = x.latest - INTERVAL 2 MONTH, m.charged, 0)),
        SUM(IF(m.period = x.latest - INTERVAL 3 MONTH, m.charged, 0)),
        SUM(IF(m.period = x.latest - INTERVAL 4 MONTH, m.charged, 0)),
        SUM(IF(m.period = x.latest - INTERVAL 5 MONTH, m.charged, 0)),
        SUM(IF(m.period = x.latest - INTERVAL 6 MONTH, m.charged, 0)),
        SUM(IF(m.period = x.latest - INTERVAL 7 MONTH, m.charged, 0)),
        SUM(IF(m.period = x.latest - INTERVAL 8 MONTH, m.charged, 0)),
        SUM(IF(m.period = x.latest - INTERVAL 9 MONTH, m.charged, 0)),
        SUM(IF(m.period = x.latest - INTERVAL 10 MONTH, m.charged, 0)),
        SUM(IF(m.period = x.latest - INTERVAL 11 MONTH, m.charged, 0)),
        SUM(IF(m.period = x.latest - INTERVAL 0 MONTH, m.paid, 0)),
        SUM(IF(m.period = x.latest - INTERVAL 1 MONTH, m.paid, 0)),
        SUM(IF(m.period = x.latest - INTERVAL 2 MONTH, m.paid, 0)),
        SUM(IF(m.period = x.latest - INTERVAL 3 MONTH, m.paid, 0)),
        SUM(IF(m.period = x.latest - INTERVAL 4 MONTH, m.paid, 0)),
        SUM(IF(m.period = x.latest - INTERVAL 5 MONTH, m.paid, 0)),
        SUM(IF(m.period = x.latest - INTERVAL 6 MONTH, m.paid, 0)),
        SUM(IF(m.period = x.latest - INTERVAL 7 MONTH, m.paid, 0)),
        SUM(IF(m.period = x.latest - INTERVAL 8 MONTH, m.paid, 0)),
        SUM(IF(m.period = x.latest - INTERVAL 9 MONTH, m.paid, 0)),
        SUM(IF(m.period = x.latest - INTERVAL 10 MONTH, m.paid, 0)),
        SUM(IF(m.period = x.latest - INTERVAL 11 MONTH, m.paid, 0))
    FROM (SELECT account_id, MAX(period) latest FROM account_months
          WHERE account_id BETWEEN p_lo AND p_hi GROUP BY account_id) x
    JOIN account_months m ON m.account_id = x.account_id
        AND m.period BETWEEN x.latest - INTERVAL 11 MONTH AND x.latest
    GROUP BY x.account_id, x.latest;
END//

-- A ledger row's money added to its account's summary in place: a row
-- changed (a payment's credit, a correction) or added in a month the summary
-- has.  Anything else (no summary yet, a month after its latest, or nothing
-- that changed the row, which ROW_COUNT() cannot tell from no row) sums the
-- account again.  In place, it costs an update by key; summing costs a
-- grouped read of twelve rows and a delete and an insert (131 against a few
-- microseconds, measured), three times for a payment of three services.
CREATE PROCEDURE account_summaries_add(p_account INT UNSIGNED, p_period DATE, p_charged BIGINT,
                                       p_paid BIGINT)
BEGIN
    UPDATE account_summaries
    SET billed = billed | IF(p_period > latest_period - INTERVAL 12 MONTH,
                             1 << TIMESTAMPDIFF(MONTH, p_period, latest_period), 0),
        charged_0 = charged_0 + IF(p_period = latest_period - INTERVAL 0 MONTH, p_charged, 0),
        charged_1 = charged_1 + IF(p_period = latest_period - INTERVAL 1 MONTH, p_charged, 0),
        charged_2 = charged_2 + IF(p_period = latest_period - INTERVAL 2 MONTH, p_charged, 0),
        charged_3 = charged_3 + IF(p_period = latest_period - INTERVAL 3 MONTH, p_charged, 0),
        charged_4 = charged_4 + IF(p_period = latest_period - INTERVAL 4 MONTH, p_charged, 0),
        charged_5 = charged_5 + IF(p_period = latest_period - INTERVAL 5 MONTH, p_charged, 0),
        charged_6 = charged_6 + IF(p_period = latest_period - INTERVAL 6 MONTH, p_charged, 0),
        charged_7 = charged_7 + IF(p_period = latest_period - INTERVAL 7 MONTH, p_charged, 0),
        charged_8 = charged_8 + IF(p_period = latest_period - INTERVAL 8 MONTH, p_charged, 0),
        charged_9 = charged_9 + IF(p_period = latest_period - INTERVAL 9 MONTH, p_charged, 0),
        charged_10 = charged_10 + IF(p_period = latest_period - INTERVAL 10 MONTH, p_charged, 0),
        charged_11 = charged_11 + IF(p_period = latest_period - INTERVAL 11 MONTH, p_charged, 0),
        paid_0 = paid_0 + IF(p_period = latest_period - INTERVAL 0 MONTH, p_paid, 0),
        paid_1 = paid_1 + IF(p_period = latest_period - INTERVAL 1 MONTH, p_paid, 0),
        paid_2 = paid_2 + IF(p_period = latest_period - INTERVAL 2 MONTH, p_paid, 0),
        paid_3 = paid_3 + IF(p_period = latest_period - INTERVAL 3 MONTH, p_paid, 0),
        paid_4 = paid_4 + IF(p_period = latest_period - INTERVAL 4 MONTH, p_paid, 0),
        paid_5 = paid_5 + IF(p_period = latest_period - INTERVAL 5 MONTH, p_paid, 0),
        paid_6 = paid_6 + IF(p_period = latest_period - INTERVAL 6 MONTH, p_paid, 0),
        paid_7 = paid_7 + IF(p_period = latest_period - INTERVAL 7 MONTH, p_paid, 0),
        paid_8 = paid_8 + IF(p_period = latest_period - INTERVAL 8 MONTH, p_paid, 0),
        paid_9 = paid_9 + IF(p_period = latest_period - INTERVAL 9 MONTH, p_paid, 0),
        paid_10 = paid_10 + IF(p_period = latest_period - INTERVAL 10 MONTH, p_paid, 0),
        paid_11 = paid_11 + IF(p_period = latest_period - INTERVAL 11 MONTH, p_paid, 0)
    WHERE account_id = p_account AND latest_period >= p_period;
    IF ROW_COUNT() = 0 THEN
        CALL account_summaries_sum(p_account, p_account);
    END IF;
END//

-- The accounts lo..hi: their three newest succeeded payments, newest first,
-- two at the same second by the later id (as the payments pages order them).
CREATE PROCEDURE account_last_payments_sum(p_lo INT UNSIGNED, p_hi INT UNSIGNED)
BEGIN
    DELETE FROM account_last_payments WHERE account_id BETWEEN p_lo AND p_hi;
    INSERT INTO account_last_payments (account_id,
        pay1_id, pay1_at, pay1_amount, pay1_channel, pay2_id, pay2_at, pay2_amount, pay2_channel,
        pay3_id, pay3_at, pay3_amount, pay3_channel)
    SELECT a.id, p1.id, p1.paid_at, p1.amount, p1.channel, p2.id, p2.paid_at, p2.amount,
        p2.channel, p3.id, p3.paid_at, p3.amount, p3.channel
    FROM accounts a
    JOIN payments p1 ON p1.id = (SELECT q.id FROM payments q WHERE q.account_id = a.id
        AND q.status = 'succeeded' ORDER BY q.paid_at DESC, q.id DESC LIMIT 1)
    LEFT JOIN payments p2 ON p2.id = (SELECT q.id FROM payments q WHERE q.account_id = a.id
        AND q.status = 'succeeded' ORDER BY q.paid_at DESC, q.id DESC LIMIT 1, 1)
    LEFT JOIN payments p3 ON p3.id = (SELECT q.id FROM payments q WHERE q.account_id = a.id
        AND q.status = 'succeeded' ORDER BY q.paid_at DESC, q.id DESC LIMIT 2, 1)
    WHERE a.id BETWEEN p_lo AND p_hi;
END//

-- A payment that has just succeeded, among the account's three newest.  The
-- row is made if need be and locked first.  A payment already among them
-- (it cannot be, having just succeeded) is searched for again.
CREATE PROCEDURE account_last_payments_add(p_account INT UNSIGNED, p_id BIGINT UNSIGNED,
                                           p_at DATETIME, p_amount BIGINT, p_channel VARCHAR(16))
BEGIN
    DECLARE i1, i2, i3 BIGINT UNSIGNED;
    DECLARE t1, t2, t3 DATETIME;
    DECLARE m1, m2, m3 BIGINT;
    DECLARE c1, c2, c3 VARCHAR(16);

    INSERT INTO account_last_payments (account_id) VALUES (p_account)
    ON DUPLICATE KEY UPDATE account_id = account_id;
    SELECT pay1_id, pay1_at, pay1_amount, pay1_channel, pay2_id, pay2_at, pay2_amount,
           pay2_channel, pay3_id, pay3_at, pay3_amount, pay3_channel
    INTO i1, t1, m1, c1, i2, t2, m2, c2, i3, t3, m3, c3
    FROM account_last_payments WHERE account_id = p_account
    FOR UPDATE;  -- the row as committed, not as this transaction's snapshot saw it
    IF p_id IN (i1, i2, i3) THEN
        CALL account_last_payments_sum(p_account, p_account);
    ELSEIF i1 IS NULL OR (p_at, p_id) > (t1, i1) THEN
        UPDATE account_last_payments
        SET pay3_id = i2, pay3_at = t2, pay3_amount = m2, pay3_channel = c2,
            pay2_id = i1, pay2_at = t1, pay2_amount = m1, pay2_channel = c1,
            pay1_id = p_id, pay1_at = p_at, pay1_amount = p_amount, pay1_channel = p_channel
        WHERE account_id = p_account;
    ELSEIF i2 IS NULL OR (p_at, p_id) > (t2, i2) THEN
        UPDATE account_last_payments
        SET pay3_id = i2, pay3_at = t2, pay3_amount = m2, pay3_channel = c2,
            pay2_id = p_id, pay2_at = p_at, pay2_amount = p_amount, pay2_channel = p_channel
        WHERE account_id = p_account;
    ELSEIF i3 IS NULL OR (p_at, p_id) > (t3, i3) THEN
        UPDATE account_last_payments
        SET pay3_id = p_id, pay3_at = p_at, pay3_amount = p_amount, pay3_channel = p_channel
        WHERE account_id = p_account;
    END IF;
END//

-- sql/047's triggers again, each now keeping the summary after the month.
DROP TRIGGER ledger_months_insert//
DROP TRIGGER ledger_months_update//
DROP TRIGGER ledger_months_delete//
CREATE TRIGGER ledger_months_insert AFTER INSERT ON ledger FOR EACH ROW
BEGIN
    IF @kabinet_loading IS NULL THEN
        CALL account_months_add(NEW.account_id, NEW.period, NEW.accrued + NEW.corrections,
                                NEW.paid);
        CALL account_summaries_add(NEW.account_id, NEW.period, NEW.accrued + NEW.corrections,
                                   NEW.paid);
    END IF;
END//
CREATE TRIGGER ledger_months_update AFTER UPDATE ON ledger FOR EACH ROW
BEGIN
    IF @kabinet_loading IS NULL THEN
        IF NEW.account_id = OLD.account_id AND NEW.period = OLD.period THEN
            -- Every update the programs make: the row's money changes, not its key.
            IF NOT (NEW.accrued + NEW.corrections <=> OLD.accrued + OLD.corrections
                    AND NEW.paid <=> OLD.paid) THEN
                UPDATE account_months
                SET charged = charged + (NEW.accrued + NEW.corrections)
                        - (OLD.accrued + OLD.corrections),
                    paid = paid + NEW.paid - OLD.paid
                WHERE account_id = NEW.account_id AND period = NEW.period;
                CALL account_summaries_add(NEW.account_id, NEW.period,
                                           (NEW.accrued + NEW.corrections)
                                               - (OLD.accrued + OLD.corrections),
                                           NEW.paid - OLD.paid);
            END IF;
        ELSE
            CALL account_months_remove(OLD.account_id, OLD.period,
                                       OLD.accrued + OLD.corrections, OLD.paid);
            CALL account_months_add(NEW.account_id, NEW.period, NEW.accrued + NEW.corrections,
                                    NEW.paid);
            CALL account_summaries_sum(OLD.account_id, OLD.account_id);
            CALL account_summaries_sum(NEW.account_id, NEW.account_id);
        END IF;
    END IF;
END//
CREATE TRIGGER ledger_months_delete AFTER DELETE ON ledger FOR EACH ROW
BEGIN
    IF @kabinet_loading IS NULL THEN
        CALL account_months_remove(OLD.account_id, OLD.period, OLD.accrued + OLD.corrections,
                                   OLD.paid);
        CALL account_summaries_sum(OLD.account_id, OLD.account_id);
    END IF;
END//

-- A payment counts once it has succeeded: a pending one coming and going, or
-- a change the dashboard does not show (its bank, its links), sums nothing.
CREATE TRIGGER payments_last_insert AFTER INSERT ON payments FOR EACH ROW
BEGIN
    IF @kabinet_loading IS NULL AND NEW.status = 'succeeded' THEN
        CALL account_last_payments_add(NEW.account_id, NEW.id, NEW.paid_at, NEW.amount,
                                       NEW.channel);
    END IF;
END//
CREATE TRIGGER payments_last_update AFTER UPDATE ON payments FOR EACH ROW
BEGIN
    IF @kabinet_loading IS NULL THEN
        IF OLD.status <> 'succeeded' AND NEW.status = 'succeeded' THEN
            -- Settling: the common change, merged.
            CALL account_last_payments_add(NEW.account_id, NEW.id, NEW.paid_at, NEW.amount,
                                           NEW.channel);
        ELSEIF (OLD.status = 'succeeded' OR NEW.status = 'succeeded')
               AND NOT (NEW.status <=> OLD.status AND NEW.account_id <=> OLD.account_id
                        AND NEW.paid_at <=> OLD.paid_at AND NEW.amount <=> OLD.amount
                        AND NEW.channel <=> OLD.channel) THEN
            CALL account_last_payments_sum(OLD.account_id, OLD.account_id);
            IF NEW.account_id <> OLD.account_id THEN
                CALL account_last_payments_sum(NEW.account_id, NEW.account_id);
            END IF;
        END IF;
    END IF;
END//
CREATE TRIGGER payments_last_delete AFTER DELETE ON payments FOR EACH ROW
BEGIN
    IF @kabinet_loading IS NULL AND OLD.status = 'succeeded' THEN
        CALL account_last_payments_sum(OLD.account_id, OLD.account_id);
    END IF;
END//
DELIMITER ;

CALL account_summaries_sum(0, 4294967295);
CALL account_last_payments_sum(0, 4294967295);
