-- 049: shared access to an account (issue 24): who may see and do what.
--
-- subscriber_accounts stays what it was: the holders, who linked the account
-- by proving a payment.  Every statement that reads it gives a holder
-- everything, so a delegate is never a row there: a statement written for
-- holders cannot serve a delegate by mistake.
--
-- account_access is every subscriber's access to an account, with its
-- rights: a holder's row (all rights, granted_by NULL) for each link, which
-- the triggers below keep, and a delegate's row for each invitation taken.
-- A statement that may serve a delegate reads this table instead and names
-- the right it needs (sa.rights & ?), so each page is opened to delegates on
-- purpose, right by right.  The session reads it on every request: a right
-- taken away is gone at the next one.
--
-- Rights are bits: 1 view (balances, statements, receipts, payment history),
-- 2 readings (meters: submit and see them), 4 pay, 8 holder (invite, change,
-- revoke; only a holder has it).  billing/access.h names them.
CREATE TABLE account_access (
    subscriber_id BIGINT UNSIGNED  NOT NULL,
    account_id    INT UNSIGNED     NOT NULL,
    rights        TINYINT UNSIGNED NOT NULL,
    granted_by    BIGINT UNSIGNED  NULL,  -- the holder who invited; NULL: a holder's own link
    granted_at    DATETIME(6)      NOT NULL,
    PRIMARY KEY (subscriber_id, account_id),
    KEY ix_account_access_account (account_id, granted_by),
    CONSTRAINT fk_access_subscriber FOREIGN KEY (subscriber_id) REFERENCES subscribers (id)
        ON DELETE CASCADE,
    CONSTRAINT fk_access_account FOREIGN KEY (account_id) REFERENCES accounts (id),
    CONSTRAINT fk_access_granted_by FOREIGN KEY (granted_by) REFERENCES subscribers (id)
        ON DELETE CASCADE,
    -- A holder has every right; a delegate never the holder's.
    CONSTRAINT ck_access_rights CHECK ((granted_by IS NULL AND rights = 15) OR
                                       (granted_by IS NOT NULL AND rights BETWEEN 1 AND 7))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO account_access (subscriber_id, account_id, rights, granted_by, granted_at)
SELECT subscriber_id, account_id, 15, NULL, linked_at FROM subscriber_accounts;

-- An invitation: a link sent to one e-mail address or phone, for 24 hours,
-- taken once.  Only the token's hash is kept.  contact is how the invitee is
-- recognised: the subscriber who takes it must have that address or phone.
CREATE TABLE access_invitations (
    id          BIGINT UNSIGNED  NOT NULL AUTO_INCREMENT,
    token_hash  BINARY(32)       NOT NULL,
    account_id  INT UNSIGNED     NOT NULL,
    holder_id   BIGINT UNSIGNED  NOT NULL,
    contact     VARCHAR(254)     NOT NULL,  -- an e-mail address (lower case) or +digits
    rights      TINYINT UNSIGNED NOT NULL,
    created_at  DATETIME(6)      NOT NULL,
    expires_at  DATETIME(6)      NOT NULL,
    used_at     DATETIME(6)      NULL,
    used_by     BIGINT UNSIGNED  NULL,
    cancelled_at DATETIME(6)     NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_invitation_token (token_hash),
    KEY ix_invitations_account (account_id),              -- newest first: by id, its key's tail
    KEY ix_invitations_holder (holder_id, created_at),    -- a holder's day of invitations
    CONSTRAINT fk_invitation_account FOREIGN KEY (account_id) REFERENCES accounts (id),
    CONSTRAINT fk_invitation_holder FOREIGN KEY (holder_id) REFERENCES subscribers (id)
        ON DELETE CASCADE,
    CONSTRAINT ck_invitation_rights CHECK (rights BETWEEN 1 AND 7)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What happened to an account's access, and who did it: the holder sees it
-- on /access.  What delegates did with their access (readings, payments) is
-- recorded where it always was, with the subscriber who did it.
CREATE TABLE access_events (
    id         BIGINT UNSIGNED  NOT NULL AUTO_INCREMENT,
    account_id INT UNSIGNED     NOT NULL,
    at         DATETIME(6)      NOT NULL,
    actor_id   BIGINT UNSIGNED  NOT NULL,  -- who did it
    subject_id BIGINT UNSIGNED  NULL,      -- whose access changed; NULL: an invitation's
    contact    VARCHAR(254)     NULL,      -- the invitation's address or phone
    event      ENUM('invited', 'accepted', 'changed', 'revoked', 'left', 'cancelled') NOT NULL,
    rights     TINYINT UNSIGNED NULL,
    PRIMARY KEY (id),
    KEY ix_access_events_account (account_id, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

DELIMITER //
-- A holder's link is a holder's access.  A delegate who links the account
-- themselves becomes a holder.
CREATE TRIGGER subscriber_accounts_access_insert AFTER INSERT ON subscriber_accounts
FOR EACH ROW
BEGIN
    INSERT INTO account_access (subscriber_id, account_id, rights, granted_by, granted_at)
    VALUES (NEW.subscriber_id, NEW.account_id, 15, NULL, NEW.linked_at)
    ON DUPLICATE KEY UPDATE rights = 15, granted_by = NULL, granted_at = NEW.linked_at;
END//
-- A holder who unlinks the account takes with them the access they gave (and
-- the autopays it allowed) and the invitations not yet taken.
CREATE TRIGGER subscriber_accounts_access_delete AFTER DELETE ON subscriber_accounts
FOR EACH ROW
BEGIN
    -- Their delegates' autopays first, while the rows that name them are there.
    DELETE ap FROM autopays ap JOIN account_access d ON d.subscriber_id = ap.subscriber_id
        AND d.account_id = ap.account_id
    WHERE d.account_id = OLD.account_id AND d.granted_by = OLD.subscriber_id;
    DELETE FROM account_access
    WHERE account_id = OLD.account_id
      AND (subscriber_id = OLD.subscriber_id OR granted_by = OLD.subscriber_id);
    UPDATE access_invitations SET cancelled_at = UTC_TIMESTAMP(6)
    WHERE account_id = OLD.account_id AND holder_id = OLD.subscriber_id
      AND used_at IS NULL AND cancelled_at IS NULL;
END//
DELIMITER ;
