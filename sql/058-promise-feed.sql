-- 058: the promised payments as an API feed (issue 25).
--
-- The billing system enables a line on a promise; it learns of the promises
-- from the export, or now from GET /api/v1/promises, paged after a cursor
-- over the same kind of number the readings and payments feeds use (sql/018):
-- taken from a counter row the writing transaction holds until it commits,
-- so a client paging while promises are given neither skips nor repeats one.
-- A promise is written once, so only its insert numbers it.
INSERT INTO feed_counters (name, n) VALUES ('promises', 0);

ALTER TABLE promises ADD COLUMN feed_seq BIGINT UNSIGNED NULL, ADD UNIQUE KEY uq_promises_feed (feed_seq);

DELIMITER //
CREATE TRIGGER promises_feed_insert BEFORE INSERT ON promises FOR EACH ROW
BEGIN
    UPDATE feed_counters SET n = n + 1 WHERE name = 'promises';
    SET NEW.feed_seq = (SELECT n FROM feed_counters WHERE name = 'promises');
END//
DELIMITER ;

-- Promises given before the feed existed join it in id order.
SET @n = 0;
UPDATE promises SET feed_seq = (@n := @n + 1) ORDER BY id;
UPDATE feed_counters SET n = @n WHERE name = 'promises';
