-- 061: the menu's counts of appeals answered and messages not yet read, kept
-- for each subscriber (issue 22).
--
-- session.lookup counted them on every signed-in page, two subqueries that
-- MariaDB optimises again on each execution: about 80 us of its CPU a page,
-- a tenth of the dashboard's.  Unlike the news count (sql/059) they follow
-- from the rows alone, not from the time, so triggers keep them exact in the
-- transaction of the change, by the change's difference:
--
--   appeals  the subscriber's appeals changed since they last looked
--            (updated_at > subscriber_seen_at), as the appeals list marks them;
--   inbox    their messages written and not yet read.
--
-- A table of its own, not news_unread's row: a page writes that row when it
-- counts the news, and a month's notices (receipt.issue_inbox, thousands of
-- rows in one transaction) would hold it.  Signed: a count that went wrong
-- shows as one, and tests/http checks them all against a count of the rows
-- at the end of every run.  A subscriber's rows and this one go together
-- (ON DELETE CASCADE, which fires no trigger).
CREATE TABLE unread_counts (
    subscriber_id BIGINT UNSIGNED NOT NULL,
    appeals       INT             NOT NULL DEFAULT 0,
    inbox         INT             NOT NULL DEFAULT 0,
    PRIMARY KEY (subscriber_id),
    CONSTRAINT fk_unread_counts_subscriber FOREIGN KEY (subscriber_id) REFERENCES subscribers (id)
        ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
INSERT INTO unread_counts (subscriber_id, appeals, inbox)
    SELECT s.id,
        (SELECT COUNT(*) FROM appeals a WHERE a.subscriber_id = s.id
            AND a.updated_at > COALESCE(a.subscriber_seen_at, '1970-01-01')),
        (SELECT COUNT(*) FROM inbox i WHERE i.subscriber_id = s.id AND i.read_at IS NULL
            AND i.written = 1)
    FROM subscribers s;

DELIMITER //
CREATE TRIGGER subscribers_unread_counts AFTER INSERT ON subscribers FOR EACH ROW
    INSERT INTO unread_counts (subscriber_id) VALUES (NEW.id)//

CREATE TRIGGER appeals_unread_insert AFTER INSERT ON appeals FOR EACH ROW
BEGIN
    IF NEW.updated_at > COALESCE(NEW.subscriber_seen_at, '1970-01-01') THEN
        UPDATE unread_counts SET appeals = appeals + 1 WHERE subscriber_id = NEW.subscriber_id;
    END IF;
END//
CREATE TRIGGER appeals_unread_update AFTER UPDATE ON appeals FOR EACH ROW
BEGIN
    DECLARE was INT DEFAULT OLD.updated_at > COALESCE(OLD.subscriber_seen_at, '1970-01-01');
    DECLARE now_is INT DEFAULT NEW.updated_at > COALESCE(NEW.subscriber_seen_at, '1970-01-01');
    IF NEW.subscriber_id <> OLD.subscriber_id THEN
        UPDATE unread_counts SET appeals = appeals - was WHERE subscriber_id = OLD.subscriber_id;
        UPDATE unread_counts SET appeals = appeals + now_is WHERE subscriber_id = NEW.subscriber_id;
    ELSEIF now_is <> was THEN
        UPDATE unread_counts SET appeals = appeals + now_is - was
            WHERE subscriber_id = NEW.subscriber_id;
    END IF;
END//
CREATE TRIGGER appeals_unread_delete AFTER DELETE ON appeals FOR EACH ROW
BEGIN
    IF OLD.updated_at > COALESCE(OLD.subscriber_seen_at, '1970-01-01') THEN
        UPDATE unread_counts SET appeals = appeals - 1 WHERE subscriber_id = OLD.subscriber_id;
    END IF;
END//

CREATE TRIGGER inbox_unread_insert AFTER INSERT ON inbox FOR EACH ROW
BEGIN
    IF NEW.read_at IS NULL AND NEW.written = 1 THEN
        UPDATE unread_counts SET inbox = inbox + 1 WHERE subscriber_id = NEW.subscriber_id;
    END IF;
END//
CREATE TRIGGER inbox_unread_update AFTER UPDATE ON inbox FOR EACH ROW
BEGIN
    DECLARE was INT DEFAULT OLD.read_at IS NULL AND OLD.written = 1;
    DECLARE now_is INT DEFAULT NEW.read_at IS NULL AND NEW.written = 1;
    IF NEW.subscriber_id <> OLD.subscriber_id THEN
        UPDATE unread_counts SET inbox = inbox - was WHERE subscriber_id = OLD.subscriber_id;
        UPDATE unread_counts SET inbox = inbox + now_is WHERE subscriber_id = NEW.subscriber_id;
    ELSEIF now_is <> was THEN
        UPDATE unread_counts SET inbox = inbox + now_is - was WHERE subscriber_id = NEW.subscriber_id;
    END IF;
END//
CREATE TRIGGER inbox_unread_delete AFTER DELETE ON inbox FOR EACH ROW
BEGIN
    IF OLD.read_at IS NULL AND OLD.written = 1 THEN
        UPDATE unread_counts SET inbox = inbox - 1 WHERE subscriber_id = OLD.subscriber_id;
    END IF;
END//
DELIMITER ;
