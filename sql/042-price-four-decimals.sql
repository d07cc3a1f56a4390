-- 042: tariff prices with up to four decimals of the major unit, as tariffs
-- are published in Kazakhstan (13,4400 тенге за кВт·ч) and sometimes in
-- Russia.  A price is now kept in ten-thousandths of the major unit (a
-- hundredth of a kopeck or tiyn): 3,98 ₽ is 39800.  Each bill line's money
-- is still rounded once to the minor unit (billing/tariff.c).
--
-- Scaling twice would be wrong by a hundred, so the scaling and the
-- migration's own record are one transaction: a run stopped anywhere leaves
-- neither, and the next run does it once (tools/stack.sh records a
-- migration with INSERT IGNORE after it).
START TRANSACTION;
UPDATE tariff_prices SET price = price * 100;
UPDATE stage_tariffs SET price = price * 100;
INSERT INTO schema_migrations (version) VALUES ('042-price-four-decimals.sql');
COMMIT;
