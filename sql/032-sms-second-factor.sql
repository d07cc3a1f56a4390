-- 032: the second step of sign-in by a code sent in an SMS, for subscribers
-- without an authenticator app.
--
-- The row of subscriber_totp says which way the subscriber chose.  For
-- 'sms' it holds no secret: a code is made when one is needed (signing in,
-- confirming, turning off), sent to the subscriber's mobile number, and
-- kept as a MAC under a key derived from the site's secret, for ten
-- minutes, good once.  A new code no sooner than a minute after the last.
ALTER TABLE subscriber_totp
    ADD COLUMN method         ENUM('app', 'sms') NOT NULL DEFAULT 'app' AFTER subscriber_id,
    ADD COLUMN sms_code_mac   BINARY(32)  NULL,
    ADD COLUMN sms_code_until DATETIME(6) NULL,
    ADD COLUMN sms_sent_at    DATETIME(6) NULL;
