-- 030: logins are compared in one normal form, made by the programs.
--
-- The case- and accent-insensitive collation let "démo2" sign in as
-- "demo2".  Now a login is stored and looked up as core/login.c writes it
-- (Unicode NFKC, then case folding: width and case do not matter, accents
-- do), and the columns compare bytes.  The logins already stored are put in
-- that form first; for the ASCII logins the portal has made so far (account
-- numbers, the demo's), LOWER is the same thing.
UPDATE subscribers SET login = LOWER(login) WHERE BINARY login <> BINARY LOWER(login);
ALTER TABLE subscribers MODIFY login VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
UPDATE staff SET login = LOWER(login) WHERE BINARY login <> BINARY LOWER(login);
ALTER TABLE staff MODIFY login VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
