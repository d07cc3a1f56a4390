-- 059: the menu's count of news not yet read, kept for each subscriber
-- (issue 22).
--
-- Counting it takes five tables (the subscriber's links, their accounts, the
-- organizations' news, the news addressed to accounts, the news read) and a
-- DISTINCT, on every signed-in page: MariaDB's largest cost of a page after
-- the page's own statements.  It changes rarely, so it is kept, with what it
-- was counted against, and is good while all three still hold:
--
--   news_unread.gen    the subscriber's own changes: a news item read, an
--                      account linked or unlinked (triggers below, in the
--                      same transaction as the change);
--   news_version.n     any change to any organization's news or to whom it
--                      is addressed, or to an account's organization
--                      (triggers below, likewise);
--   news_unread.until  the next moment time alone changes it: a news item's
--                      publication time reached, or its NEWS_FRESH_DAYS
--                      (db/unread.h) run out.
--
-- A page that finds it not good counts afresh, and writes the count back only
-- while gen is what it read before counting (db/unread.c): a change that
-- lands in between leaves the count unkept, and the next page counts again.
--
-- A table of its own, not columns of subscribers: a trigger may not change a
-- table its statement reads, and statements that link accounts read
-- subscribers (INSERT INTO subscriber_accounts ... SELECT ... FROM
-- subscribers).  Nothing that changes what the triggers watch reads these.
CREATE TABLE news_version (
    id TINYINT UNSIGNED NOT NULL,
    n  BIGINT UNSIGNED  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_news_version_one CHECK (id = 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
INSERT INTO news_version (id, n) VALUES (1, 0);

CREATE TABLE news_unread (
    subscriber_id BIGINT UNSIGNED NOT NULL,
    gen           BIGINT UNSIGNED NOT NULL DEFAULT 0,  -- the subscriber's changes so far
    n             INT UNSIGNED    NULL,  -- the count kept; NULL: none yet
    counted_gen   BIGINT UNSIGNED NULL,  -- gen when it was counted
    version       BIGINT UNSIGNED NULL,  -- news_version.n when it was counted
    until         DATETIME(6)     NULL,  -- when time alone changes it
    PRIMARY KEY (subscriber_id),
    CONSTRAINT fk_news_unread_subscriber FOREIGN KEY (subscriber_id) REFERENCES subscribers (id)
        ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
INSERT INTO news_unread (subscriber_id) SELECT id FROM subscribers;

-- The next publication and the next to go stale, over every organization's
-- news: two reads of this index when the count is made.
ALTER TABLE news ADD KEY ix_news_publish (publish_at);

DELIMITER //
CREATE TRIGGER subscribers_news_unread AFTER INSERT ON subscribers FOR EACH ROW
    INSERT INTO news_unread (subscriber_id) VALUES (NEW.id)//
CREATE TRIGGER news_reads_unread_insert AFTER INSERT ON news_reads FOR EACH ROW
    UPDATE news_unread SET gen = gen + 1 WHERE subscriber_id = NEW.subscriber_id//
CREATE TRIGGER news_reads_unread_delete AFTER DELETE ON news_reads FOR EACH ROW
    UPDATE news_unread SET gen = gen + 1 WHERE subscriber_id = OLD.subscriber_id//
CREATE TRIGGER subscriber_accounts_unread_insert AFTER INSERT ON subscriber_accounts FOR EACH ROW
    UPDATE news_unread SET gen = gen + 1 WHERE subscriber_id = NEW.subscriber_id//
CREATE TRIGGER subscriber_accounts_unread_delete AFTER DELETE ON subscriber_accounts FOR EACH ROW
    UPDATE news_unread SET gen = gen + 1 WHERE subscriber_id = OLD.subscriber_id//
CREATE TRIGGER subscriber_accounts_unread_update AFTER UPDATE ON subscriber_accounts FOR EACH ROW
BEGIN
    UPDATE news_unread SET gen = gen + 1 WHERE subscriber_id = OLD.subscriber_id;
    UPDATE news_unread SET gen = gen + 1 WHERE subscriber_id = NEW.subscriber_id;
END//
CREATE TRIGGER news_unread_insert AFTER INSERT ON news FOR EACH ROW
    UPDATE news_version SET n = n + 1 WHERE id = 1//
-- The delivery job's sent_at, and an edit of the words, change no count.
CREATE TRIGGER news_unread_update AFTER UPDATE ON news FOR EACH ROW
BEGIN
    IF NOT (NEW.organization_id <=> OLD.organization_id AND NEW.publish_at <=> OLD.publish_at
            AND NEW.audience <=> OLD.audience AND NEW.id <=> OLD.id) THEN
        UPDATE news_version SET n = n + 1 WHERE id = 1;
    END IF;
END//
CREATE TRIGGER news_unread_delete AFTER DELETE ON news FOR EACH ROW
    UPDATE news_version SET n = n + 1 WHERE id = 1//
CREATE TRIGGER news_accounts_unread_insert AFTER INSERT ON news_accounts FOR EACH ROW
    UPDATE news_version SET n = n + 1 WHERE id = 1//
CREATE TRIGGER news_accounts_unread_update AFTER UPDATE ON news_accounts FOR EACH ROW
    UPDATE news_version SET n = n + 1 WHERE id = 1//
CREATE TRIGGER news_accounts_unread_delete AFTER DELETE ON news_accounts FOR EACH ROW
    UPDATE news_version SET n = n + 1 WHERE id = 1//
CREATE TRIGGER accounts_unread_update AFTER UPDATE ON accounts FOR EACH ROW
BEGIN
    IF NOT (NEW.organization_id <=> OLD.organization_id AND NEW.id <=> OLD.id) THEN
        UPDATE news_version SET n = n + 1 WHERE id = 1;
    END IF;
END//
DELIMITER ;
