-- Demo internet access (issue 25): the organization also runs a home network.
-- demo's first account has a line suspended for debt, and the organization
-- gives a promised payment of three days once a month up to 5 000 ₽ owed,
-- so the services page shows the line and offers it.
INSERT INTO suppliers (id, organization_id, name, inn, phone)
VALUES (5, 1, 'ООО «Энск-Телеком»', '7710140679', '+7 495 200-00-04')
ON DUPLICATE KEY UPDATE name = VALUES(name), inn = VALUES(inn), phone = VALUES(phone);

INSERT INTO services (id, organization_id, supplier_id, code, name_ru, name_en, unit)
VALUES (8, 1, 5, 'internet', 'Доступ в интернет', 'Internet access', 'month')
ON DUPLICATE KEY UPDATE supplier_id = VALUES(supplier_id), name_ru = VALUES(name_ru),
    name_en = VALUES(name_en), unit = VALUES(unit);

DELETE FROM promises WHERE account_id = 1 AND service_id = 8;
INSERT INTO connections (account_id, service_id, plan_name, speed_kbps, monthly_fee, login,
                         ip_address, state, updated_at)
VALUES (1, 8, 'Домашний 100', 100000, 65000, 'ensk-1000456701', '10.20.30.40', 'suspended',
        NOW(6))
ON DUPLICATE KEY UPDATE plan_name = VALUES(plan_name), speed_kbps = VALUES(speed_kbps),
    monthly_fee = VALUES(monthly_fee), login = VALUES(login), ip_address = VALUES(ip_address),
    state = VALUES(state), updated_at = VALUES(updated_at);

UPDATE organizations SET promise_days = 3, promise_limit = 500000 WHERE id = 1;

-- Demo alarm monitoring (issue 25): the first account's flat is under guard,
-- with a week of its panel's events, so /events has something to show.
INSERT INTO suppliers (id, organization_id, name, inn, phone)
VALUES (6, 1, 'ООО ЧОП «Энск-Охрана»', '7728168971', '+7 495 200-00-06')
ON DUPLICATE KEY UPDATE name = VALUES(name), inn = VALUES(inn), phone = VALUES(phone);

INSERT INTO services (id, organization_id, supplier_id, code, name_ru, name_en, unit)
VALUES (9, 1, 6, 'security', 'Охрана квартиры', 'Flat monitoring', 'month')
ON DUPLICATE KEY UPDATE supplier_id = VALUES(supplier_id), name_ru = VALUES(name_ru),
    name_en = VALUES(name_en), unit = VALUES(unit);

INSERT INTO guarded_objects (account_id, service_id, address, object_type, state, updated_at)
VALUES (1, 9, 'г. Энск, ул. Центральная, д. 10, кв. 5', 'Квартира', 'armed', NOW(6))
ON DUPLICATE KEY UPDATE address = VALUES(address), object_type = VALUES(object_type),
    state = VALUES(state), updated_at = VALUES(updated_at);

DELETE FROM object_events WHERE account_id = 1 AND service_id = 9;
INSERT INTO object_events (account_id, service_id, source_id, happened_at, event, zone, who)
VALUES (1, 9, 'demo-1', UTC_TIMESTAMP() - INTERVAL 6 DAY - INTERVAL 10 HOUR, 'disarmed',
        NULL, 'Иванова М. П.'),
       (1, 9, 'demo-2', UTC_TIMESTAMP() - INTERVAL 6 DAY - INTERVAL 1 HOUR, 'armed', NULL,
        'Иванова М. П.'),
       (1, 9, 'demo-3', UTC_TIMESTAMP() - INTERVAL 3 DAY - INTERVAL 4 HOUR, 'alarm',
        'Зона 2: окно кухни', NULL),
       (1, 9, 'demo-4', UTC_TIMESTAMP() - INTERVAL 3 DAY - INTERVAL 3 HOUR, 'restored',
        'Зона 2: окно кухни', 'Группа реагирования № 3'),
       (1, 9, 'demo-5', UTC_TIMESTAMP() - INTERVAL 1 DAY, 'fault', 'Зона 1: дверь',
        NULL),
       (1, 9, 'demo-6', UTC_TIMESTAMP() - INTERVAL 20 HOUR, 'restored', 'Зона 1: дверь', NULL);

-- Demo telephony and usage (issue 25): the telecom company also gives the
-- first account a home telephone, so /usage has its calls (some within the
-- plan, long-distance ones charged) and the internet line's sessions.
INSERT INTO services (id, organization_id, supplier_id, code, name_ru, name_en, unit)
VALUES (10, 1, 5, 'phone', 'Телефонная связь', 'Telephone', 'month')
ON DUPLICATE KEY UPDATE supplier_id = VALUES(supplier_id), name_ru = VALUES(name_ru),
    name_en = VALUES(name_en), unit = VALUES(unit);

DELETE FROM usage_records WHERE account_id = 1;
INSERT INTO usage_records (account_id, service_id, source_id, kind, started_at, ended_at,
                           number, bytes_in, bytes_out, cost)
VALUES (1, 10, 'demo-c1', 'call', UTC_TIMESTAMP() - INTERVAL 40 DAY,
        UTC_TIMESTAMP() - INTERVAL 40 DAY + INTERVAL 312 SECOND, '+74952000001', NULL, NULL,
        NULL),
       (1, 10, 'demo-c2', 'call', UTC_TIMESTAMP() - INTERVAL 33 DAY,
        UTC_TIMESTAMP() - INTERVAL 33 DAY + INTERVAL 1265 SECOND, '+73832000002', NULL, NULL,
        1896),
       (1, 10, 'demo-c3', 'call', UTC_TIMESTAMP() - INTERVAL 9 DAY,
        UTC_TIMESTAMP() - INTERVAL 9 DAY + INTERVAL 47 SECOND, '+74952000003', NULL, NULL, NULL),
       (1, 10, 'demo-c4', 'call', UTC_TIMESTAMP() - INTERVAL 5 DAY,
        UTC_TIMESTAMP() - INTERVAL 5 DAY + INTERVAL 734 SECOND, '+78123000004', NULL, NULL, 1100),
       (1, 10, 'demo-c5', 'call', UTC_TIMESTAMP() - INTERVAL 2 DAY,
        UTC_TIMESTAMP() - INTERVAL 2 DAY + INTERVAL 95 SECOND, '112', NULL, NULL, NULL),
       (1, 8, 'demo-s1', 'session', UTC_TIMESTAMP() - INTERVAL 35 DAY,
        UTC_TIMESTAMP() - INTERVAL 34 DAY, NULL, 2147483648, 104857600, NULL),
       (1, 8, 'demo-s2', 'session', UTC_TIMESTAMP() - INTERVAL 12 DAY,
        UTC_TIMESTAMP() - INTERVAL 12 DAY + INTERVAL 5 HOUR, NULL, 734003200, 52428800, NULL),
       (1, 8, 'demo-s3', 'session', UTC_TIMESTAMP() - INTERVAL 3 DAY,
        UTC_TIMESTAMP() - INTERVAL 3 DAY + INTERVAL 14 HOUR, NULL, 3221225472, 209715200, NULL);
