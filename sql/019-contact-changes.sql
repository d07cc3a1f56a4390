-- 019: a subscriber's contact details as they change (name, e-mail, mobile,
-- landline), for the billing system's export.  Kept by a trigger, so every
-- way a detail changes (the subscriber's settings, a confirmed e-mail, an
-- operator approving a new mobile number) is recorded the same way.
CREATE TABLE contact_changes (
    id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    subscriber_id BIGINT UNSIGNED NOT NULL,
    field         VARCHAR(16)     NOT NULL,
    old_value     VARCHAR(254)    NULL,
    new_value     VARCHAR(254)    NULL,
    changed_at    DATETIME(6)     NOT NULL,
    PRIMARY KEY (id),
    KEY ix_contact_changes_at (changed_at),
    KEY ix_contact_changes_subscriber (subscriber_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

DELIMITER //
CREATE TRIGGER subscribers_contact_changes AFTER UPDATE ON subscribers FOR EACH ROW
BEGIN
    IF NOT (NEW.full_name <=> OLD.full_name) THEN
        INSERT INTO contact_changes (subscriber_id, field, old_value, new_value, changed_at)
        VALUES (NEW.id, 'full_name', OLD.full_name, NEW.full_name, UTC_TIMESTAMP(6));
    END IF;
    IF NOT (NEW.email <=> OLD.email) THEN
        INSERT INTO contact_changes (subscriber_id, field, old_value, new_value, changed_at)
        VALUES (NEW.id, 'email', OLD.email, NEW.email, UTC_TIMESTAMP(6));
    END IF;
    IF NOT (NEW.phone <=> OLD.phone) THEN
        INSERT INTO contact_changes (subscriber_id, field, old_value, new_value, changed_at)
        VALUES (NEW.id, 'phone', OLD.phone, NEW.phone, UTC_TIMESTAMP(6));
    END IF;
    IF NOT (NEW.landline <=> OLD.landline) THEN
        INSERT INTO contact_changes (subscriber_id, field, old_value, new_value, changed_at)
        VALUES (NEW.id, 'landline', OLD.landline, NEW.landline, UTC_TIMESTAMP(6));
    END IF;
END//
DELIMITER ;
