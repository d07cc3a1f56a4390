-- 012: the operator console (the admin program): staff, their organizations,
-- sessions and second factor, the audit log, and news.
--
-- Staff are not subscribers: their own table, sessions and sign-in record.
-- A staff member has one role and works for one or more organizations.

CREATE TABLE staff (
    id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    login          VARCHAR(64)  NOT NULL,
    full_name      VARCHAR(200) NOT NULL,
    password_hash  VARCHAR(255) NOT NULL,  -- crypto_pwhash_str (argon2id)
    role           VARCHAR(12)  NOT NULL,
    active         TINYINT(1)   NOT NULL DEFAULT 1,
    -- The TOTP secret, sealed (XSalsa20-Poly1305) with the admin program's
    -- [admin] totp_key: a copy of the table gives no codes.  NULL until the
    -- staff member enrols at their first sign-in (totp_pending meanwhile).
    totp_secret    VARBINARY(80) NULL,
    totp_pending   VARBINARY(80) NULL,
    -- The last 30-second step a code was accepted for: a code is good once.
    totp_last_step BIGINT UNSIGNED NOT NULL DEFAULT 0,
    created_at     DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    UNIQUE KEY uq_staff_login (login),
    CONSTRAINT ck_staff_role CHECK (role IN ('admin', 'operator', 'accountant', 'viewer'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE staff_organizations (
    staff_id        BIGINT UNSIGNED NOT NULL,
    organization_id INT UNSIGNED    NOT NULL,
    PRIMARY KEY (staff_id, organization_id),
    KEY ix_staff_organizations_org (organization_id),
    CONSTRAINT fk_so_staff FOREIGN KEY (staff_id) REFERENCES staff (id),
    CONSTRAINT fk_so_org FOREIGN KEY (organization_id) REFERENCES organizations (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Ten single-use recovery codes per staff member, kept as BLAKE2b hashes.
CREATE TABLE staff_recovery_codes (
    id        BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    staff_id  BIGINT UNSIGNED NOT NULL,
    code_hash BINARY(32)      NOT NULL,
    used_at   DATETIME(6)     NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_staff_recovery_code (staff_id, code_hash),
    CONSTRAINT fk_src_staff FOREIGN KEY (staff_id) REFERENCES staff (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A staff session: the cookie's hash.  step 'password' is half signed in
-- (the second factor still due); 'enrol' must set up the second factor;
-- 'ok' is signed in.  reauth_at: when the password or a code was last given
-- again, for the sensitive actions that ask for it.
CREATE TABLE staff_sessions (
    id         BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    token_hash BINARY(32)      NOT NULL,
    staff_id   BIGINT UNSIGNED NOT NULL,
    step       VARCHAR(8)      NOT NULL,
    created_at DATETIME(6)     NOT NULL,
    last_seen  DATETIME(6)     NOT NULL,
    reauth_at  DATETIME(6)     NULL,
    ip         VARCHAR(45)     NOT NULL,
    user_agent VARCHAR(255)    NOT NULL DEFAULT '',
    PRIMARY KEY (id),
    UNIQUE KEY uq_staff_sessions_token (token_hash),
    KEY ix_staff_sessions_staff (staff_id),
    KEY ix_staff_sessions_seen (last_seen),
    CONSTRAINT ck_staff_sessions_step CHECK (step IN ('password', 'enrol', 'ok')),
    CONSTRAINT fk_ss_staff FOREIGN KEY (staff_id) REFERENCES staff (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The staff sign-in record, for the same lock-out rules as subscribers'.
CREATE TABLE staff_login_attempts (
    id       BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    at       DATETIME(6)  NOT NULL,
    login    VARCHAR(64)  NOT NULL,
    ip       VARCHAR(45)  NOT NULL,
    result   ENUM('ok', 'fail', 'locked', 'code-fail') NOT NULL,
    staff_id BIGINT UNSIGNED NULL,
    PRIMARY KEY (id),
    KEY ix_sla_login (login, at),
    KEY ix_sla_ip (ip, at),
    KEY ix_sla_at (at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every staff action: who, when, from where, on what, before and after.
-- Append-only: the admin program may insert and read it, never change it
-- (its grants follow from its statements), and the triggers below refuse an
-- UPDATE or DELETE from anyone, root included.
CREATE TABLE audit_log (
    id              BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    at              DATETIME(6)     NOT NULL,
    staff_id        BIGINT UNSIGNED NULL,
    staff_login     VARCHAR(64)     NOT NULL,
    ip              VARCHAR(45)     NOT NULL,
    organization_id INT UNSIGNED    NULL,
    action          VARCHAR(32)     NOT NULL,
    object_type     VARCHAR(16)     NOT NULL,
    object_id       VARCHAR(64)     NOT NULL,
    before_value    VARCHAR(2000)   NULL,
    after_value     VARCHAR(2000)   NULL,
    PRIMARY KEY (id),
    KEY ix_audit_at (at),
    KEY ix_audit_staff (staff_id, id),
    KEY ix_audit_org (organization_id, id),
    KEY ix_audit_object (object_type, object_id, id),
    KEY ix_audit_action (action, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only';
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only';

-- An announcement of an organization, in both languages, for all its
-- subscribers or for the accounts listed in news_accounts (chosen by
-- address or by number when it was written).  Shown from publish_at; sent
-- to those who chose the news topic once, when sent_at is set.
CREATE TABLE news (
    id              BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    organization_id INT UNSIGNED    NOT NULL,
    title_ru        VARCHAR(200)    NOT NULL,
    body_ru         VARCHAR(4000)   NOT NULL,
    title_en        VARCHAR(200)    NOT NULL,
    body_en         VARCHAR(4000)   NOT NULL,
    audience        VARCHAR(10)     NOT NULL,
    publish_at      DATETIME(6)     NOT NULL,
    created_by      BIGINT UNSIGNED NOT NULL,
    created_at      DATETIME(6)     NOT NULL,
    sent_at         DATETIME(6)     NULL,
    PRIMARY KEY (id),
    KEY ix_news_org (organization_id, publish_at),
    KEY ix_news_unsent (sent_at, publish_at),
    CONSTRAINT ck_news_audience CHECK (audience IN ('all', 'addresses', 'accounts')),
    CONSTRAINT fk_news_org FOREIGN KEY (organization_id) REFERENCES organizations (id),
    CONSTRAINT fk_news_staff FOREIGN KEY (created_by) REFERENCES staff (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE news_accounts (
    news_id    BIGINT UNSIGNED NOT NULL,
    account_id INT UNSIGNED    NOT NULL,
    PRIMARY KEY (news_id, account_id),
    KEY ix_news_accounts_account (account_id),
    CONSTRAINT fk_na_news FOREIGN KEY (news_id) REFERENCES news (id),
    CONSTRAINT fk_na_account FOREIGN KEY (account_id) REFERENCES accounts (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Why a contact request was turned down, and by whom it was decided.
ALTER TABLE contact_requests
    ADD COLUMN reason VARCHAR(300) NULL,
    ADD COLUMN staff_id BIGINT UNSIGNED NULL;

-- Staff search subscribers by these; login is already unique.
ALTER TABLE subscribers
    ADD KEY ix_subscribers_phone (phone),
    ADD KEY ix_subscribers_name (full_name);

-- ... and accounts by address (a prefix: "ул. Ленина, д. 5").
ALTER TABLE accounts ADD KEY ix_accounts_address (organization_id, address(100));
