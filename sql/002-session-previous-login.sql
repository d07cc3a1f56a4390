-- 002: the sign-in before a session started, kept with the session.
-- It cannot change while the session lives, so it is written once at sign-in
-- instead of being looked up on every page.
ALTER TABLE sessions
    ADD COLUMN prev_login_at DATETIME(6) NULL AFTER user_agent,
    ADD COLUMN prev_login_ip VARCHAR(45) NULL AFTER prev_login_at;
