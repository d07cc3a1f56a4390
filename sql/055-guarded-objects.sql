-- 055: alarm monitoring as a kind of service: the protected object and its
-- event log (issue 25).
--
-- The monitoring company's system sends each account's object (an objects
-- file: address, type, current state) and the events of its panel (an
-- events file: armed, disarmed, alarm, fault, restored, with the zone and
-- who), by their own ids so that a file sent twice adds nothing.  Times are
-- kept in UTC; the /events page asks for a period in the organization's
-- time zone.
CREATE TABLE guarded_objects (
    account_id  INT UNSIGNED      NOT NULL,
    service_id  SMALLINT UNSIGNED NOT NULL,
    address     VARCHAR(300)      NOT NULL,
    object_type VARCHAR(100)      NOT NULL,  -- flat, house, office, garage: as the company says it
    state       VARCHAR(10)       NOT NULL,
    updated_at  DATETIME(6)       NOT NULL,
    PRIMARY KEY (account_id, service_id),
    CONSTRAINT ck_object_state CHECK (state IN ('armed', 'disarmed', 'alarm', 'fault')),
    CONSTRAINT fk_object_account FOREIGN KEY (account_id) REFERENCES accounts (id),
    CONSTRAINT fk_object_service FOREIGN KEY (service_id) REFERENCES services (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE object_events (
    id          BIGINT UNSIGNED   NOT NULL AUTO_INCREMENT,
    account_id  INT UNSIGNED      NOT NULL,
    service_id  SMALLINT UNSIGNED NOT NULL,
    source_id   VARCHAR(64)       NOT NULL,  -- the monitoring system's own id
    happened_at DATETIME          NOT NULL,  -- UTC
    event       VARCHAR(10)       NOT NULL,
    zone        VARCHAR(100)      NULL,
    who         VARCHAR(100)      NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_object_events_source (account_id, service_id, source_id),
    KEY ix_object_events_time (account_id, happened_at),
    CONSTRAINT ck_object_event CHECK (event IN ('armed', 'disarmed', 'alarm', 'fault',
                                                'restored')),
    CONSTRAINT fk_event_object FOREIGN KEY (account_id, service_id)
        REFERENCES guarded_objects (account_id, service_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE stage_objects (
    import_id      BIGINT UNSIGNED   NOT NULL,
    line           BIGINT UNSIGNED   NOT NULL,
    bad            TINYINT(1)        NOT NULL DEFAULT 0,
    account_number VARCHAR(20)       NOT NULL,
    service_code   VARCHAR(32)       NOT NULL,
    address        VARCHAR(300)      NOT NULL,
    object_type    VARCHAR(100)      NOT NULL,
    state          VARCHAR(10)       NOT NULL,
    account_id     INT UNSIGNED      NULL,
    service_id     SMALLINT UNSIGNED NULL,
    PRIMARY KEY (import_id, line),
    KEY ix_stage_objects_key (import_id, account_number, service_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE stage_events (
    import_id      BIGINT UNSIGNED   NOT NULL,
    line           BIGINT UNSIGNED   NOT NULL,
    bad            TINYINT(1)        NOT NULL DEFAULT 0,
    account_number VARCHAR(20)       NOT NULL,
    service_code   VARCHAR(32)       NOT NULL,
    source_id      VARCHAR(64)       NOT NULL,
    happened_at    DATETIME          NOT NULL,
    event          VARCHAR(10)       NOT NULL,
    zone           VARCHAR(100)      NULL,
    who            VARCHAR(100)      NULL,
    account_id     INT UNSIGNED      NULL,
    service_id     SMALLINT UNSIGNED NULL,
    PRIMARY KEY (import_id, line),
    KEY ix_stage_events_key (import_id, account_number, service_code, source_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE imports DROP CONSTRAINT ck_imports_kind;
ALTER TABLE imports ADD CONSTRAINT ck_imports_kind CHECK (kind IN ('accounts', 'services',
    'meters', 'charges', 'payments', 'readings', 'tariffs', 'tariff_limits', 'charge_lines',
    'connections', 'objects', 'events'));
