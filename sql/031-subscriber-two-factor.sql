-- 031: two-step sign-in for subscribers, by choice.
--
-- A subscriber who turns it on scans a QR code into an authenticator app
-- (TOTP, RFC 6238) and gets ten recovery codes.  Signing in then takes the
-- password and a code; a browser may be remembered for 30 days.  The secret
-- is sealed with a key derived from the site's secret (core/totp.c seals,
-- app/two_factor.c derives), the recovery codes are kept as hashes, and the
-- step between the password and the code is a row named by the hash of a
-- short-lived cookie.
CREATE TABLE subscriber_totp (
    subscriber_id BIGINT UNSIGNED NOT NULL,
    secret        VARBINARY(64)   NOT NULL,     -- sealed
    enabled_at    DATETIME(6)     NULL,         -- NULL: scanned, not yet confirmed by a code
    last_step     BIGINT UNSIGNED NOT NULL DEFAULT 0,  -- a code is good once
    PRIMARY KEY (subscriber_id),
    CONSTRAINT fk_subscriber_totp FOREIGN KEY (subscriber_id) REFERENCES subscribers (id)
        ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE subscriber_recovery_codes (
    subscriber_id BIGINT UNSIGNED NOT NULL,
    code_hash     BINARY(32)      NOT NULL,
    used_at       DATETIME(6)     NULL,
    PRIMARY KEY (subscriber_id, code_hash),
    CONSTRAINT fk_subscriber_recovery FOREIGN KEY (subscriber_id) REFERENCES subscribers (id)
        ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE signin_second_steps (
    token_hash    BINARY(32)      NOT NULL,
    subscriber_id BIGINT UNSIGNED NOT NULL,
    next          VARCHAR(512)    NOT NULL,
    expires_at    DATETIME(6)     NOT NULL,
    PRIMARY KEY (token_hash),
    KEY ix_signin_second_steps_expires (expires_at),
    CONSTRAINT fk_signin_second_steps FOREIGN KEY (subscriber_id) REFERENCES subscribers (id)
        ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A browser whose owner ticked "remember this browser": no code until then.
ALTER TABLE subscriber_devices ADD COLUMN second_factor_until DATETIME(6) NULL;
