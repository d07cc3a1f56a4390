-- 015: staff viewing a subscriber's pages as the subscriber sees them: a
-- session of the subscriber's that carries the staff member's login, in
-- which nothing can be changed (every POST but signing out is refused).
ALTER TABLE sessions ADD COLUMN viewer VARCHAR(64) NULL;
