-- 011: each organization's time zone (a tz database name), in which its
-- subscribers see the times of its payments.  A site that serves one
-- organization keeps the default; the site's own zone ([site] time_zone)
-- is used for what belongs to no organization (sessions, sign-ins).
ALTER TABLE organizations
    ADD COLUMN time_zone VARCHAR(64) NOT NULL DEFAULT 'Europe/Moscow';
