-- An account's month summed over its services: what the dashboard's chart
-- shows.  Reading it is twelve rows per account by key; summing the ledger
-- instead grouped every service's rows of the months in a temporary table
-- and sorted it on every dashboard (issue 22).
--
-- The ledger's triggers keep it, so every writer changes it in its own
-- transaction, whatever the program: a payment's credit, a charges file, a
-- recalculation, the demo's bill, a statement typed by hand.  They add the
-- difference each row makes; ledger_rows counts the rows summed, so a month
-- whose last row goes goes too.
--
-- A bulk load (tools/stack.sh, kabinet-gen's millions of rows) sets
-- @kabinet_loading, skips the per-row work, and sums the accounts it loaded
-- once, in key order, when it is done.
CREATE TABLE account_months (
    account_id  INT UNSIGNED NOT NULL,
    period      DATE         NOT NULL,
    charged     BIGINT       NOT NULL,  -- accrued + corrections
    paid        BIGINT       NOT NULL,
    ledger_rows INT UNSIGNED NOT NULL,
    PRIMARY KEY (account_id, period),
    CONSTRAINT fk_account_months_account FOREIGN KEY (account_id) REFERENCES accounts (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO account_months (account_id, period, charged, paid, ledger_rows)
SELECT account_id, period, SUM(accrued + corrections), SUM(paid), COUNT(*)
FROM ledger GROUP BY account_id, period;

DELIMITER //
-- A ledger row's money into its month, and out of it: the one place each is
-- written, for the three triggers below.
CREATE PROCEDURE account_months_add(p_account INT UNSIGNED, p_period DATE, p_charged BIGINT,
                                    p_paid BIGINT)
BEGIN
    INSERT INTO account_months (account_id, period, charged, paid, ledger_rows)
    VALUES (p_account, p_period, p_charged, p_paid, 1)
    ON DUPLICATE KEY UPDATE charged = charged + p_charged, paid = paid + p_paid,
        ledger_rows = ledger_rows + 1;
END//
CREATE PROCEDURE account_months_remove(p_account INT UNSIGNED, p_period DATE, p_charged BIGINT,
                                       p_paid BIGINT)
BEGIN
    UPDATE account_months
    SET charged = charged - p_charged, paid = paid - p_paid, ledger_rows = ledger_rows - 1
    WHERE account_id = p_account AND period = p_period;
    DELETE FROM account_months
    WHERE account_id = p_account AND period = p_period AND ledger_rows = 0;
END//
CREATE TRIGGER ledger_months_insert AFTER INSERT ON ledger FOR EACH ROW
BEGIN
    IF @kabinet_loading IS NULL THEN
        CALL account_months_add(NEW.account_id, NEW.period, NEW.accrued + NEW.corrections,
                                NEW.paid);
    END IF;
END//
CREATE TRIGGER ledger_months_update AFTER UPDATE ON ledger FOR EACH ROW
BEGIN
    IF @kabinet_loading IS NULL THEN
        IF NEW.account_id = OLD.account_id AND NEW.period = OLD.period THEN
            -- Every update the programs make: the row's money changes, not its key.
            UPDATE account_months
            SET charged = charged + (NEW.accrued + NEW.corrections)
                    - (OLD.accrued + OLD.corrections),
                paid = paid + NEW.paid - OLD.paid
            WHERE account_id = NEW.account_id AND period = NEW.period;
        ELSE
            CALL account_months_remove(OLD.account_id, OLD.period,
                                       OLD.accrued + OLD.corrections, OLD.paid);
            CALL account_months_add(NEW.account_id, NEW.period, NEW.accrued + NEW.corrections,
                                    NEW.paid);
        END IF;
    END IF;
END//
CREATE TRIGGER ledger_months_delete AFTER DELETE ON ledger FOR EACH ROW
BEGIN
    IF @kabinet_loading IS NULL THEN
        CALL account_months_remove(OLD.account_id, OLD.period, OLD.accrued + OLD.corrections,
                                   OLD.paid);
    END IF;
END//
DELIMITER ;
