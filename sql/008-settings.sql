-- 008: settings, self-registration, password recovery, SMS.
--
-- A subscriber's own choices live on the subscribers row: the landline
-- (changed at once), the language messages are written in, and which
-- notifications go by which channel.  The mobile phone is the one
-- registration and recovery codes go to, so a change of it is a request the
-- organization's staff confirm; the number on file stays in use until then.
ALTER TABLE subscribers
    ADD COLUMN landline VARCHAR(32) NULL AFTER phone,
    ADD COLUMN lang CHAR(2) NOT NULL DEFAULT 'ru' AFTER landline,
    ADD COLUMN notify_email SET('receipt', 'payment', 'autopay', 'news') NOT NULL
        DEFAULT 'payment,autopay' AFTER lang,
    ADD COLUMN notify_sms SET('receipt', 'payment', 'autopay', 'news') NOT NULL
        DEFAULT '' AFTER notify_email,
    ADD KEY ix_subscribers_email (email),
    ADD CONSTRAINT ck_subscribers_lang CHECK (lang IN ('ru', 'en'));

-- What a subscriber asked the organization to change; staff process them.
CREATE TABLE contact_requests (
    id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    subscriber_id BIGINT UNSIGNED NOT NULL,
    field         VARCHAR(16)  NOT NULL,
    value         VARCHAR(254) NOT NULL,
    status        VARCHAR(10)  NOT NULL DEFAULT 'pending',
    created_at    DATETIME(6)  NOT NULL,
    processed_at  DATETIME(6)  NULL,
    PRIMARY KEY (id),
    KEY ix_contact_requests_subscriber (subscriber_id, field, status),
    KEY ix_contact_requests_queue (status, created_at),
    CONSTRAINT ck_contact_requests_field CHECK (field IN ('mobile')),
    CONSTRAINT ck_contact_requests_status CHECK (status IN ('pending', 'done', 'rejected')),
    CONSTRAINT fk_contact_requests_subscriber FOREIGN KEY (subscriber_id)
        REFERENCES subscribers (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Single-use secrets sent to a subscriber: an e-mail confirmation link
-- (24 h), a recovery link (1 h), a recovery SMS code (1 h, 5 tries).  Only
-- the BLAKE2b hash of the token is kept; a code is kept as a MAC keyed by
-- its token, so the table alone gives neither.
CREATE TABLE subscriber_tokens (
    id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    token_hash    BINARY(32)   NOT NULL,
    subscriber_id BIGINT UNSIGNED NOT NULL,
    purpose       VARCHAR(10)  NOT NULL,
    value         VARCHAR(254) NULL,      -- 'email': the address to confirm
    code_mac      BINARY(32)   NULL,      -- 'code': the SMS code's MAC
    attempts      TINYINT UNSIGNED NOT NULL DEFAULT 0,
    created_at    DATETIME(6)  NOT NULL,
    expires_at    DATETIME(6)  NOT NULL,
    used_at       DATETIME(6)  NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_subscriber_tokens_hash (token_hash),
    KEY ix_subscriber_tokens_subscriber (subscriber_id, purpose),
    KEY ix_subscriber_tokens_expires (expires_at),
    CONSTRAINT ck_subscriber_tokens_purpose CHECK (purpose IN ('email', 'recovery', 'code')),
    CONSTRAINT fk_subscriber_tokens_subscriber FOREIGN KEY (subscriber_id)
        REFERENCES subscribers (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Uses of the signed-out forms that send something, for their rate limits:
-- per address, and per what was asked for (an account, a login).
CREATE TABLE form_attempts (
    id      BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    at      DATETIME(6)  NOT NULL,
    form    VARCHAR(10)  NOT NULL,
    ip      VARCHAR(45)  NOT NULL,
    subject VARCHAR(254) NOT NULL,
    PRIMARY KEY (id),
    KEY ix_form_attempts_ip (form, ip, at),
    KEY ix_form_attempts_subject (form, subject, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;


-- The settings list a subscriber's live sessions, newest first.
ALTER TABLE sessions ADD KEY ix_sessions_subscriber_seen (subscriber_id, last_seen);
