-- grants.sql: one database account per program, allowed exactly what the
-- statements in cgi-bin/db/ that the program runs need (sqlbox's role model,
-- enforced by MariaDB).  Applied by tools/stack.sh on every start, after the
-- accounts exist; each account is reset first, so this file is the whole truth.
-- A new statement in cgi-bin/db/ means a line here; tests/http prove the denials.

-- Every program checks sessions: the lookup (sessions JOIN subscribers) and
-- the touch of last_seen.

-- login: signs in and out, records attempts, rehashes passwords.
REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'kb_login'@'localhost';
GRANT SELECT, INSERT, DELETE ON kabinet.sessions TO 'kb_login'@'localhost';
GRANT UPDATE (last_seen) ON kabinet.sessions TO 'kb_login'@'localhost';
GRANT SELECT ON kabinet.subscribers TO 'kb_login'@'localhost';
GRANT UPDATE (password_hash) ON kabinet.subscribers TO 'kb_login'@'localhost';
GRANT SELECT, INSERT ON kabinet.login_attempts TO 'kb_login'@'localhost';

-- home: reads the session and the subscriber's public columns; never a password hash.
REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'kb_home'@'localhost';
GRANT SELECT ON kabinet.sessions TO 'kb_home'@'localhost';
GRANT UPDATE (last_seen) ON kabinet.sessions TO 'kb_home'@'localhost';
GRANT SELECT (id, login, full_name, email, phone, active) ON kabinet.subscribers
    TO 'kb_home'@'localhost';
