-- 034: what the portal told a subscriber, kept in the cabinet (the inbox);
-- which announcements each subscriber has opened; and the reminders sent,
-- each at most once per period.

-- Every message the portal sends a subscriber (but those carrying a secret)
-- is also written here when it is queued, whatever channels they chose.  It
-- is queued as kind and params, like the outbox; the delivery program writes
-- its subject and text in the subscriber's language (xsl/mail.xsl), and the
-- inbox shows only rows it has written.
CREATE TABLE inbox (
    id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    subscriber_id BIGINT UNSIGNED NOT NULL,
    kind          VARCHAR(32)     NOT NULL,
    params        TEXT            NOT NULL,
    written       TINYINT(1)      NOT NULL DEFAULT 0,
    subject       VARCHAR(300)    NULL,     -- NULL until written
    body          TEXT            NULL,
    created_at    DATETIME(6)     NOT NULL,
    read_at       DATETIME(6)     NULL,
    PRIMARY KEY (id),
    KEY ix_inbox_subscriber (subscriber_id, id),
    KEY ix_inbox_unread (subscriber_id, read_at, written),
    KEY ix_inbox_unwritten (written, id),
    CONSTRAINT fk_inbox_subscriber FOREIGN KEY (subscriber_id) REFERENCES subscribers (id)
        ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An announcement a subscriber has opened; those without a row are unread.
CREATE TABLE news_reads (
    subscriber_id BIGINT UNSIGNED NOT NULL,
    news_id       BIGINT UNSIGNED NOT NULL,
    read_at       DATETIME(6)     NOT NULL,
    PRIMARY KEY (subscriber_id, news_id),
    CONSTRAINT fk_news_reads_subscriber FOREIGN KEY (subscriber_id) REFERENCES subscribers (id)
        ON DELETE CASCADE,
    CONSTRAINT fk_news_reads_news FOREIGN KEY (news_id) REFERENCES news (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A reminder sent: the reading window of a month for an account, a receipt's
-- due date for an account, a meter's verification date.  The key makes it
-- once per period whatever runs race.
CREATE TABLE reminders_sent (
    subscriber_id BIGINT UNSIGNED NOT NULL,
    kind          ENUM('readings', 'due', 'verification') NOT NULL,
    object_id     INT UNSIGNED    NOT NULL,   -- the account, or the meter
    period        DATE            NOT NULL,   -- the month, the due date, the verification date
    sent_at       DATETIME(6)     NOT NULL,
    PRIMARY KEY (subscriber_id, kind, object_id, period),
    KEY ix_reminders_sent_at (sent_at),
    CONSTRAINT fk_reminders_subscriber FOREIGN KEY (subscriber_id) REFERENCES subscribers (id)
        ON DELETE CASCADE
) ENGINE=InnoDB;

-- Reminders are a topic of their own, by e-mail unless turned off.
ALTER TABLE subscribers
    MODIFY notify_email SET('receipt', 'payment', 'autopay', 'news', 'appeal', 'reminder') NOT NULL
        DEFAULT 'payment,autopay,appeal,reminder',
    MODIFY notify_sms SET('receipt', 'payment', 'autopay', 'news', 'appeal', 'reminder') NOT NULL
        DEFAULT '';
UPDATE subscribers SET notify_email = CONCAT_WS(',', NULLIF(notify_email, ''), 'reminder');
