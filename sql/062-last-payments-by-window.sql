-- 062: an account's three newest payments numbered in one range read.
--
-- account_last_payments_sum (sql/048) found them with three correlated
-- subqueries, each joined back to payments by id.  The plan depended on the
-- statistics: on a freshly loaded table (about no rows, as far as MariaDB
-- knew) it read payments first, joined every account of the range to each
-- by a join buffer and ran the subqueries for every pair.  tools/stack.sh's
-- load of a million generated accounts (make bench) spent over fifteen
-- minutes in its first range of 50 000 accounts without finishing.
--
-- Numbered by ROW_NUMBER() over the range's succeeded payments (one range
-- of ix_payments_account and a sort of what it finds), the three newest are
-- the same rows in the same order (paid_at, then id, newest first), and
-- there is no join for the optimizer to turn around.  The triggers call it
-- for one account at a time, for what is rare (a payment changed or gone).
DROP PROCEDURE IF EXISTS account_last_payments_sum;

DELIMITER //
-- The accounts lo..hi: their three newest succeeded payments, newest first,
-- two at the same second by the later id (as the payments pages order them).
CREATE PROCEDURE account_last_payments_sum(p_lo INT UNSIGNED, p_hi INT UNSIGNED)
BEGIN
    DELETE FROM account_last_payments WHERE account_id BETWEEN p_lo AND p_hi;
    INSERT INTO account_last_payments (account_id,
        pay1_id, pay1_at, pay1_amount, pay1_channel, pay2_id, pay2_at, pay2_amount, pay2_channel,
        pay3_id, pay3_at, pay3_amount, pay3_channel)
    SELECT account_id,
        MAX(IF(n = 1, id, NULL)), MAX(IF(n = 1, paid_at, NULL)),
        MAX(IF(n = 1, amount, NULL)), MAX(IF(n = 1, channel, NULL)),
        MAX(IF(n = 2, id, NULL)), MAX(IF(n = 2, paid_at, NULL)),
        MAX(IF(n = 2, amount, NULL)), MAX(IF(n = 2, channel, NULL)),
        MAX(IF(n = 3, id, NULL)), MAX(IF(n = 3, paid_at, NULL)),
        MAX(IF(n = 3, amount, NULL)), MAX(IF(n = 3, channel, NULL))
    FROM (SELECT account_id, id, paid_at, amount, channel,
                 ROW_NUMBER() OVER (PARTITION BY account_id ORDER BY paid_at DESC, id DESC) n
          FROM payments
          WHERE account_id BETWEEN p_lo AND p_hi AND status = 'succeeded') r
    WHERE n <= 3
    GROUP BY account_id;
END//
DELIMITER ;
