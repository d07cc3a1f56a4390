-- 033: appeals (обращения): a subscriber writes to the organization about one
-- of their accounts, with photos or documents; staff answer in the console.
--
-- An appeal is a thread of messages.  A message is the subscriber's, a
-- staff answer, or a staff note the subscriber never sees.  Files are kept
-- in the database (so that any host serves them), in chunks, with their
-- SHA-256; their type is what libmagic found in them, never their name's.

-- What a subscriber may write about; each organization has its own list.
CREATE TABLE appeal_topics (
    id              INT UNSIGNED NOT NULL AUTO_INCREMENT,
    organization_id INT UNSIGNED NOT NULL,
    code            VARCHAR(20)  NOT NULL,
    name_ru         VARCHAR(100) NOT NULL,
    name_en         VARCHAR(100) NOT NULL,
    sort            SMALLINT     NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uq_appeal_topics (organization_id, code),
    CONSTRAINT fk_appeal_topics_org FOREIGN KEY (organization_id) REFERENCES organizations (id)
        ON DELETE CASCADE  -- an organization that goes takes its list
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE appeals (
    id                 BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    organization_id    INT UNSIGNED    NOT NULL,
    subscriber_id      BIGINT UNSIGNED NOT NULL,
    account_id         INT UNSIGNED    NOT NULL,
    topic_id           INT UNSIGNED    NOT NULL,
    status             ENUM('new', 'in-progress', 'waiting', 'resolved', 'closed') NOT NULL
                       DEFAULT 'new',
    assigned_to        BIGINT UNSIGNED NULL,
    created_at         DATETIME(6)     NOT NULL,
    updated_at         DATETIME(6)     NOT NULL,   -- the last message the subscriber may see
    closed_at          DATETIME(6)     NULL,       -- reopened within 14 days of it
    subscriber_seen_at DATETIME(6)     NULL,       -- unread: updated after seen
    PRIMARY KEY (id),
    KEY ix_appeals_subscriber (subscriber_id, updated_at),
    KEY ix_appeals_org (organization_id, updated_at),            -- the console's list
    KEY ix_appeals_org_status (organization_id, status, updated_at),  -- ... of one status
    KEY ix_appeals_day (subscriber_id, created_at),
    CONSTRAINT fk_appeals_org FOREIGN KEY (organization_id) REFERENCES organizations (id),
    CONSTRAINT fk_appeals_subscriber FOREIGN KEY (subscriber_id) REFERENCES subscribers (id)
        ON DELETE CASCADE,
    CONSTRAINT fk_appeals_account FOREIGN KEY (account_id) REFERENCES accounts (id),
    CONSTRAINT fk_appeals_topic FOREIGN KEY (topic_id) REFERENCES appeal_topics (id),
    CONSTRAINT fk_appeals_staff FOREIGN KEY (assigned_to) REFERENCES staff (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE appeal_messages (
    id         BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    appeal_id  BIGINT UNSIGNED NOT NULL,
    author     ENUM('subscriber', 'staff', 'note') NOT NULL,  -- note: staff only
    staff_id   BIGINT UNSIGNED NULL,
    body       VARCHAR(4000)   NOT NULL,
    created_at DATETIME(6)     NOT NULL,
    PRIMARY KEY (id),
    KEY ix_appeal_messages (appeal_id, id),
    CONSTRAINT fk_appeal_messages FOREIGN KEY (appeal_id) REFERENCES appeals (id)
        ON DELETE CASCADE,
    CONSTRAINT fk_appeal_messages_staff FOREIGN KEY (staff_id) REFERENCES staff (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE appeal_files (
    id         BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    appeal_id  BIGINT UNSIGNED NOT NULL,
    message_id BIGINT UNSIGNED NOT NULL,
    name       VARCHAR(255)    NOT NULL,   -- as the sender called it: shown, never a path
    type       VARCHAR(20)     NOT NULL,   -- image/jpeg, image/png, application/pdf
    size       INT UNSIGNED    NOT NULL,
    sha256     BINARY(32)      NOT NULL,
    created_at DATETIME(6)     NOT NULL,
    PRIMARY KEY (id),
    KEY ix_appeal_files (appeal_id, id),
    UNIQUE KEY uq_appeal_files_message (message_id, sha256),  -- the same file once a message
    CONSTRAINT fk_appeal_files FOREIGN KEY (appeal_id) REFERENCES appeals (id) ON DELETE CASCADE,
    CONSTRAINT fk_appeal_files_message FOREIGN KEY (message_id) REFERENCES appeal_messages (id)
        ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE appeal_file_chunks (
    file_id BIGINT UNSIGNED NOT NULL,
    seq     INT UNSIGNED    NOT NULL,
    bytes   MEDIUMBLOB      NOT NULL,
    PRIMARY KEY (file_id, seq),
    CONSTRAINT fk_appeal_file_chunks FOREIGN KEY (file_id) REFERENCES appeal_files (id)
        ON DELETE CASCADE
) ENGINE=InnoDB;

-- Every organization starts with the usual topics: those there now, here;
-- those added later, by the trigger.
DELIMITER //
CREATE TRIGGER organizations_appeal_topics AFTER INSERT ON organizations FOR EACH ROW
BEGIN
    INSERT INTO appeal_topics (organization_id, code, name_ru, name_en, sort) VALUES
        (NEW.id, 'charges', 'Вопрос по начислениям', 'A question about charges', 1),
        (NEW.id, 'payment', 'Оплата не поступила', 'A payment not received', 2),
        (NEW.id, 'readings', 'Показания счётчиков', 'Meter readings', 3),
        (NEW.id, 'meter', 'Поверка или замена счётчика', 'Meter verification or replacement', 4),
        (NEW.id, 'other', 'Другое', 'Something else', 9);
END//
DELIMITER ;
INSERT INTO appeal_topics (organization_id, code, name_ru, name_en, sort)
SELECT o.id, t.code, t.name_ru, t.name_en, t.sort FROM organizations o
CROSS JOIN (SELECT 'charges' code, 'Вопрос по начислениям' name_ru,
                   'A question about charges' name_en, 1 sort
            UNION ALL SELECT 'payment', 'Оплата не поступила', 'A payment not received', 2
            UNION ALL SELECT 'readings', 'Показания счётчиков', 'Meter readings', 3
            UNION ALL SELECT 'meter', 'Поверка или замена счётчика',
                             'Meter verification or replacement', 4
            UNION ALL SELECT 'other', 'Другое', 'Something else', 9) t;

-- Answers to appeals are told like the other topics, by e-mail unless turned off.
ALTER TABLE subscribers
    MODIFY notify_email SET('receipt', 'payment', 'autopay', 'news', 'appeal') NOT NULL
        DEFAULT 'payment,autopay,appeal',
    MODIFY notify_sms SET('receipt', 'payment', 'autopay', 'news', 'appeal') NOT NULL
        DEFAULT '';
UPDATE subscribers SET notify_email = CONCAT_WS(',', NULLIF(notify_email, ''), 'appeal');
