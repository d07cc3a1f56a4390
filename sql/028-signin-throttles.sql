-- 028: sign-in limits counted atomically, and the browsers a subscriber has
-- signed in from.
--
-- The old lock counted failures in login_attempts with a SELECT before the
-- password check: parallel tries all saw the same count (8 checked where 5
-- were allowed), refusals during a lock counted as failures (a lock kept
-- itself going), and anyone could lock anyone.  Now each try takes a row
-- lock on its counters first (scope address and login, or address and the
-- browser), so the count is exact; a try refused by a running lock changes
-- nothing; each lock after the first lasts twice as long (back-off); and a
-- browser that has signed in before counts its own tries, not the login's.
-- login_attempts stays as the record of what happened.
CREATE TABLE signin_throttles (
    scope        VARCHAR(8)       NOT NULL,  -- login, address, device; staff, staff-ip
    k            BINARY(32)       NOT NULL,  -- BLAKE2b-256 of what is counted
    tries        INT UNSIGNED     NOT NULL DEFAULT 0,
    window_start DATETIME(6)      NOT NULL,
    locked_until DATETIME(6)      NULL,      -- kept after it passes: the back-off resets a day later
    lock_level   TINYINT UNSIGNED NOT NULL DEFAULT 0,
    PRIMARY KEY (scope, k),
    KEY ix_signin_throttles_window (window_start)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A browser that signed in: the hash of the token in its "dev" cookie.  Tries
-- from it are counted apart from everyone else's, and a sign-in from a
-- browser not in this table is told to the subscriber.
CREATE TABLE subscriber_devices (
    token_hash    BINARY(32)      NOT NULL,
    subscriber_id BIGINT UNSIGNED NOT NULL,
    created_at    DATETIME(6)     NOT NULL,
    last_seen_at  DATETIME(6)     NOT NULL,
    user_agent    VARCHAR(255)    NOT NULL DEFAULT '',
    PRIMARY KEY (token_hash),
    KEY ix_subscriber_devices_subscriber (subscriber_id, last_seen_at),
    KEY ix_subscriber_devices_seen (last_seen_at),  -- tidy forgets the browsers not seen for a year
    CONSTRAINT fk_subscriber_devices_subscriber FOREIGN KEY (subscriber_id)
        REFERENCES subscribers (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
