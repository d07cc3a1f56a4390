-- 001: who can sign in, their sessions, and every sign-in attempt.
-- All tables InnoDB, utf8mb4; times are UTC (the programs set time_zone).

CREATE TABLE subscribers (
    id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    login         VARCHAR(64)  NOT NULL,
    password_hash VARCHAR(255) NOT NULL,  -- crypto_pwhash_str (argon2id)
    full_name     VARCHAR(200) NOT NULL,
    email         VARCHAR(254) NULL,
    phone         VARCHAR(32)  NULL,
    active        TINYINT(1)   NOT NULL DEFAULT 1,
    created_at    DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    UNIQUE KEY uq_subscribers_login (login)  -- case-insensitive collation: one "Demo" and "demo"
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Only the BLAKE2b hash of a session token is stored; the token is the cookie.
CREATE TABLE sessions (
    id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    token_hash    BINARY(32)   NOT NULL,
    subscriber_id BIGINT UNSIGNED NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    last_seen     DATETIME(6)  NOT NULL,
    ip            VARCHAR(45)  NOT NULL,
    user_agent    VARCHAR(255) NOT NULL DEFAULT '',
    PRIMARY KEY (id),
    UNIQUE KEY uq_sessions_token (token_hash),
    KEY ix_sessions_subscriber (subscriber_id),
    KEY ix_sessions_last_seen (last_seen),
    CONSTRAINT fk_sessions_subscriber FOREIGN KEY (subscriber_id)
        REFERENCES subscribers (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Lockout counts failures per login and per address within a window;
-- successes give the subscriber "your previous sign-in was ...".
CREATE TABLE login_attempts (
    id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    at            DATETIME(6)  NOT NULL,
    login         VARCHAR(64)  NOT NULL,
    ip            VARCHAR(45)  NOT NULL,
    result        ENUM('ok', 'fail', 'locked') NOT NULL,
    subscriber_id BIGINT UNSIGNED NULL,
    PRIMARY KEY (id),
    KEY ix_login_attempts_login (login, at),
    KEY ix_login_attempts_ip (ip, at),
    KEY ix_login_attempts_subscriber (subscriber_id, result, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
