-- Demo billing data: one organization, three suppliers, six services, and
-- four accounts (two for demo, one for demo2, one nobody has linked yet).
-- Their 24-month histories come from tools/kabinet-gen, ending last month,
-- so the demo never ages.  Re-running this file restores the demo state.
INSERT INTO organizations (id, name, inn, address, phones, email, bank_name, bic,
                           bank_account, corr_account, currency)
VALUES (1, 'ООО «Расчётный центр Энск»', '7707083893',
        '123100, г. Энск, ул. Центральная, д. 1', '+7 800 100-20-30, +7 495 100-20-31',
        'abonent@rc-ensk.example', 'ПАО Сбербанк', '044525225', '40702810138250123017',
        '30101810400000000225', 'RUB')
ON DUPLICATE KEY UPDATE name = VALUES(name), inn = VALUES(inn), address = VALUES(address),
    phones = VALUES(phones), email = VALUES(email), bank_name = VALUES(bank_name),
    bic = VALUES(bic), bank_account = VALUES(bank_account),
    corr_account = VALUES(corr_account), currency = VALUES(currency);

-- The water utility takes its money to its own account (sql/046): a demo
-- receipt has two payees, each with its section and its QR code.
INSERT INTO suppliers (id, organization_id, name, inn, phone, kpp, bank_name, bic, bank_account,
                       corr_account, short_name)
VALUES (1, 1, 'АО «Энскэнергосбыт»', '5037008735', '+7 800 200-00-01', NULL, NULL, NULL, NULL,
        NULL, NULL),
       (2, 1, 'МУП «Водоканал Энска»', '3803201800', '+7 495 200-00-02', '380301001',
        'ПАО Сбербанк', '044525225', '40702810938000012345', '30101810400000000225', NULL),
       (3, 1, 'АО «Теплосеть Энска»', '7707083893', '+7 495 200-00-03', NULL, NULL, NULL, NULL,
        NULL, NULL)
ON DUPLICATE KEY UPDATE name = VALUES(name), inn = VALUES(inn), phone = VALUES(phone),
    kpp = VALUES(kpp), bank_name = VALUES(bank_name), bic = VALUES(bic),
    bank_account = VALUES(bank_account), corr_account = VALUES(corr_account),
    short_name = VALUES(short_name);

INSERT INTO services (id, organization_id, supplier_id, code, name_ru, name_en, unit)
VALUES (1, 1, 1, 'electricity', 'Электроснабжение', 'Electricity', 'kWh'),
       (2, 1, 1, 'electricity-common', 'Электроэнергия на ОДН', 'Electricity, common areas', 'kWh'),
       (3, 1, 2, 'cold-water', 'Холодное водоснабжение', 'Cold water', 'm3'),
       (4, 1, 2, 'wastewater', 'Водоотведение', 'Wastewater', 'm3'),
       (5, 1, 3, 'heating', 'Отопление', 'Heating', 'Gcal'),
       (6, 1, 3, 'hot-water', 'Горячее водоснабжение', 'Hot water', 'm3')
ON DUPLICATE KEY UPDATE supplier_id = VALUES(supplier_id), code = VALUES(code),
    name_ru = VALUES(name_ru), name_en = VALUES(name_en), unit = VALUES(unit);

INSERT INTO accounts (id, organization_id, number, payer_name, address, residents,
                      area_centi_m2, phone, meters_replaced_on)
VALUES (1, 1, '1000456701', 'Иванова Мария Петровна',
        'г. Энск, ул. Ленина, д. 12, кв. 34', 3, 5430, '+7 912 345-67-89', '2023-04-17'),
       (2, 1, '1000456702', 'Иванов Пётр Сергеевич',
        'г. Энск, ул. Садовая, д. 5, кв. 2', 1, 3210, NULL, '2019-09-02'),
       (3, 1, '1000789003', 'Сергеев Алексей Николаевич',
        'г. Энск, пр. Победы, д. 40, кв. 118', 2, 6120, '+7 905 111-22-33', NULL),
       (4, 1, '1000789004', 'Сергеева Ольга Викторовна',
        'г. Энск, пр. Победы, д. 40, кв. 119', 4, 7480, '+7 900 555-01-04', '2024-02-20')
ON DUPLICATE KEY UPDATE payer_name = VALUES(payer_name), address = VALUES(address),
    residents = VALUES(residents), area_centi_m2 = VALUES(area_centi_m2),
    phone = VALUES(phone), meters_replaced_on = VALUES(meters_replaced_on);

DELETE sa FROM subscriber_accounts sa JOIN subscribers s ON s.id = sa.subscriber_id
WHERE s.login IN ('demo', 'demo2');
INSERT INTO subscriber_accounts (subscriber_id, account_id, linked_at)
SELECT s.id, a.id, UTC_TIMESTAMP(6) FROM subscribers s
JOIN accounts a ON (s.login = 'demo' AND a.id IN (1, 2)) OR (s.login = 'demo2' AND a.id = 3);
UPDATE subscribers SET current_account_id = NULL WHERE login IN ('demo', 'demo2');
DELETE la FROM link_attempts la JOIN subscribers s ON s.id = la.subscriber_id
WHERE s.login IN ('demo', 'demo2');
