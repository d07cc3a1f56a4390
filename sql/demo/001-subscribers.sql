-- Demo subscribers for `make run` and the tests; never loaded in production.
-- @demo_hash and @demo2_hash are set by tools/stack.sh from kabinet-passwd,
-- so no password hash is committed.  Re-running this file is harmless.
INSERT INTO subscribers (login, password_hash, full_name, email, phone)
VALUES ('demo', @demo_hash, 'Иванова Мария Петровна', 'demo@example.org', '+7 912 345-67-89'),
       ('demo2', @demo2_hash, 'Сергеев Алексей Николаевич', 'demo2@example.org', '+7 905 111-22-33')
ON DUPLICATE KEY UPDATE password_hash = VALUES(password_hash), full_name = VALUES(full_name),
                        email = VALUES(email), phone = VALUES(phone), active = 1;
