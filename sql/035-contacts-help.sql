-- 035: contacts and help per organization: an office's e-mail and the
-- district it serves (the office for a subscriber's own address), the
-- rules of service, questions and answers, and blank application forms
-- to download, all written by staff in the console.

ALTER TABLE offices
    ADD COLUMN email  VARCHAR(254) NULL AFTER phone,
    -- Addresses starting so are this office's district ("г. Энск, ул. Ленина");
    -- of several, the longest that fits an account's address is its office.
    ADD COLUMN serves VARCHAR(200) NULL AFTER email;

ALTER TABLE organizations
    ADD COLUMN rules_ru TEXT NULL,
    ADD COLUMN rules_en TEXT NULL;

CREATE TABLE org_questions (
    id              INT UNSIGNED NOT NULL AUTO_INCREMENT,
    organization_id INT UNSIGNED NOT NULL,
    question_ru     VARCHAR(300)  NOT NULL,
    answer_ru       VARCHAR(4000) NOT NULL,
    question_en     VARCHAR(300)  NOT NULL,
    answer_en       VARCHAR(4000) NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    KEY ix_org_questions (organization_id, id),
    CONSTRAINT fk_org_questions_org FOREIGN KEY (organization_id) REFERENCES organizations (id)
        ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A blank form (заявление) as staff uploaded it: a PDF (the type libmagic
-- found), kept in the database in chunks like an appeal's files.
CREATE TABLE org_forms (
    id              INT UNSIGNED NOT NULL AUTO_INCREMENT,
    organization_id INT UNSIGNED NOT NULL,
    title_ru        VARCHAR(200) NOT NULL,
    title_en        VARCHAR(200) NOT NULL,
    type            VARCHAR(20)  NOT NULL,
    size            INT UNSIGNED NOT NULL,
    sha256          BINARY(32)   NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_org_forms (organization_id, id),
    UNIQUE KEY uq_org_forms_file (organization_id, sha256),  -- the same file once
    CONSTRAINT fk_org_forms_org FOREIGN KEY (organization_id) REFERENCES organizations (id)
        ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE org_form_chunks (
    form_id INT UNSIGNED NOT NULL,
    seq     INT UNSIGNED NOT NULL,
    bytes   MEDIUMBLOB   NOT NULL,
    PRIMARY KEY (form_id, seq),
    CONSTRAINT fk_org_form_chunks FOREIGN KEY (form_id) REFERENCES org_forms (id) ON DELETE CASCADE
) ENGINE=InnoDB;
