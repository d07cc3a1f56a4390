-- 017: an organization's short name (what a subscriber calls it) and its
-- offices where subscribers are received, edited in the operator console and
-- shown with the account's details.
ALTER TABLE organizations ADD COLUMN short_name VARCHAR(60) NULL AFTER name;

CREATE TABLE offices (
    id              INT UNSIGNED NOT NULL AUTO_INCREMENT,
    organization_id INT UNSIGNED NOT NULL,
    address         VARCHAR(300) NOT NULL,
    hours           VARCHAR(200) NOT NULL,  -- "пн-пт 9:00-18:00"
    phone           VARCHAR(100) NULL,
    PRIMARY KEY (id),
    KEY ix_offices_org (organization_id, id),
    CONSTRAINT fk_offices_org FOREIGN KEY (organization_id) REFERENCES organizations (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
