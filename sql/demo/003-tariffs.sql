-- Demo tariffs: Энск's electricity with the social norm (50 kWh per
-- registered person; prices include 20 % VAT, changing on 1 July as Russian
-- tariffs do), and a second organization in Almaty with volume levels that
-- depend on the household (domain.md 1a; 12 % VAT included until 2025, 16 %
-- added from 2026).  Re-running this file restores them.
INSERT INTO organizations (id, name, inn, address, phones, email, bank_name, bic, bank_account,
                           corr_account, currency, readings_from, readings_to, time_zone)
-- Kazakh details, checked as Kazakh (billing/bankcheck.c): a BIN with its
-- check digit, Halyk Bank's BIC, an IBAN whose mod 97 is 1.  Made up, valid.
VALUES (2, 'АО «Алматыэнергосбыт»', '061240001236', '050000, г. Алматы, ул. Толе би, д. 1',
        '+7 727 356-99-99', 'info@almaty-energy.example', 'АО «Народный банк Казахстана»',
        'HSBKKZKX', 'KZ12601A861000123456', '', 'KZT', 1, 31, 'Asia/Almaty')
ON DUPLICATE KEY UPDATE name = VALUES(name), inn = VALUES(inn), bic = VALUES(bic),
    bank_account = VALUES(bank_account), corr_account = VALUES(corr_account),
    currency = VALUES(currency), time_zone = VALUES(time_zone);
-- The demo organization takes readings every day, so the demo works on any
-- date; a real organization sets its own days (the tests set narrower ones).
UPDATE organizations SET readings_from = 1, readings_to = 31 WHERE id = 1;

INSERT INTO suppliers (id, organization_id, name, inn, phone)
VALUES (4, 2, 'ТОО «Алатау Жарық Компаниясы»', '070840004569', '+7 727 356-99-00')
ON DUPLICATE KEY UPDATE name = VALUES(name);
INSERT INTO services (id, organization_id, supplier_id, code, name_ru, name_en, unit)
VALUES (7, 2, 4, 'electricity', 'Электроэнергия', 'Electricity', 'kWh')
ON DUPLICATE KEY UPDATE name_ru = VALUES(name_ru), name_en = VALUES(name_en);

UPDATE accounts SET household = 'gas' WHERE id IN (1, 3, 4);
UPDATE accounts SET household = 'estove-alone' WHERE id = 2;

DELETE FROM tariffs WHERE plan_id IN (1, 2, 3, 4);
INSERT INTO tariff_plans (id, organization_id, service_id, name_ru, name_en, zones, public)
VALUES (1, 1, 1, 'Одноставочный', 'Single rate', 1, 1),
       (2, 1, 1, 'Двухзонный (день / ночь)', 'Two zones (day / night)', 2, 1),
       (3, 1, 1, 'Трёхзонный (пик / ночь / полупик)', 'Three zones (peak / night / semi-peak)', 3, 1),
       (4, 2, 7, 'Дифференцированный по объёму', 'Volume levels', 1, 1)
ON DUPLICATE KEY UPDATE name_ru = VALUES(name_ru), name_en = VALUES(name_en), zones = VALUES(zones),
                        public = VALUES(public);

-- Энск's prices change on 1 July, as the law's indexation does; the demo
-- carries them to the end of 2027 so that its bills, readings and
-- calculator keep working on the dates make run and make test are run
-- (sql/demo is loaded afresh each time: the next year's versions go here).
INSERT INTO tariffs (id, plan_id, valid_from, valid_to, tiers, month_days_x10, vat_bp, vat_included)
VALUES (1, 1, '2025-07-01', '2026-06-30', 2, 0, 2000, 1),
       (2, 1, '2026-07-01', '2027-06-30', 2, 0, 2000, 1),
       (10, 1, '2027-07-01', '2027-12-31', 2, 0, 2000, 1),
       (3, 2, '2025-07-01', '2026-06-30', 2, 0, 2000, 1),
       (4, 2, '2026-07-01', '2027-06-30', 2, 0, 2000, 1),
       (11, 2, '2027-07-01', '2027-12-31', 2, 0, 2000, 1),
       (5, 3, '2025-07-01', '2026-06-30', 2, 0, 2000, 1),
       (6, 3, '2026-07-01', '2027-06-30', 2, 0, 2000, 1),
       (12, 3, '2027-07-01', '2027-12-31', 2, 0, 2000, 1),
       (7, 4, '2024-01-01', '2025-12-31', 3, 305, 1200, 1),
       (8, 4, '2026-01-01', '2027-12-31', 3, 305, 1600, 0);

-- (tariff, tier, zone, price): zone 0 T1 day/peak, 1 T2 night, 2 T3 semi-peak.
-- Prices in ten-thousandths of the major unit (sql/042): 39800 is 3,98 ₽.
INSERT INTO tariff_prices (tariff_id, tier, zone, price)
VALUES (1, 0, 0, 39800), (1, 1, 0, 69700),
       (2, 0, 0, 41200), (2, 1, 0, 72300),
       (3, 0, 0, 42400), (3, 1, 0, 80200), (3, 0, 1, 20700), (3, 1, 1, 41800),
       (4, 0, 0, 45100), (4, 1, 0, 83100), (4, 0, 1, 22000), (4, 1, 1, 43400),
       (5, 0, 0, 42900), (5, 1, 0, 83600), (5, 0, 1, 20700), (5, 1, 1, 41800), (5, 0, 2, 39800), (5, 1, 2, 69700),
       (6, 0, 0, 45700), (6, 1, 0, 86800), (6, 0, 1, 22000), (6, 1, 1, 43400), (6, 0, 2, 41200), (6, 1, 2, 72300),
       (10, 0, 0, 45300), (10, 1, 0, 79500),
       (11, 0, 0, 49600), (11, 1, 0, 91400), (11, 0, 1, 24200), (11, 1, 1, 47700),
       (12, 0, 0, 50300), (12, 1, 0, 95500), (12, 0, 1, 24200), (12, 1, 1, 47700), (12, 0, 2, 45300), (12, 1, 2, 79500),
       (7, 0, 0, 134400), (7, 1, 0, 182000), (7, 2, 0, 227500),
       (8, 0, 0, 120000), (8, 1, 0, 162500), (8, 2, 0, 203100);

INSERT INTO tariff_limits (tariff_id, household, tier, limit_milli)
SELECT t.id, h.household, 0, 50000 FROM tariffs t
JOIN (SELECT 'gas' household UNION ALL SELECT 'gas-alone' UNION ALL SELECT 'estove'
      UNION ALL SELECT 'estove-alone') h
WHERE t.plan_id IN (1, 2, 3);
INSERT INTO tariff_limits (tariff_id, household, tier, limit_milli)
SELECT t.id, l.household, l.tier, l.limit_milli FROM tariffs t
JOIN (SELECT 'gas' household, 0 tier, 90000 limit_milli UNION ALL SELECT 'gas', 1, 160000
      UNION ALL SELECT 'gas-alone', 0, 115000 UNION ALL SELECT 'gas-alone', 1, 160000
      UNION ALL SELECT 'estove', 0, 115000 UNION ALL SELECT 'estove', 1, 190000
      UNION ALL SELECT 'estove-alone', 0, 140000 UNION ALL SELECT 'estove-alone', 1, 190000) l
WHERE t.plan_id = 4;

-- The demo's tariffs take VAT by date from the law's table (sql/022): Энск's
-- versions valid across 1 January 2026 have 20 % VAT within the price before
-- it and 22 % after; Almaty's have 12 % and then 16 %.
UPDATE organizations SET vat_country = 'RU' WHERE id = 1;
UPDATE organizations SET vat_country = 'KZ' WHERE id = 2;
UPDATE tariffs SET vat_by_date = 1 WHERE id BETWEEN 1 AND 8 OR id BETWEEN 10 AND 12;

-- Volume ranges per household, as Russia's regions set them from 2025: up to
-- 3 900 kWh a month, 3 900 to 6 000, and over 6 000, for the home whoever
-- lives in it (sql/024).  For subscribers only (public = 0): the prices are
-- the demo's own.  Homes heated by electricity have a heating-season limit of
-- their own, to show limits by season.
INSERT INTO tariff_plans (id, organization_id, service_id, code, name_ru, name_en, zones, public)
VALUES (5, 1, 1, 'ranges-2025', 'Диапазоны объёма (с 2025 года)', 'Volume ranges (from 2025)', 1, 0)
ON DUPLICATE KEY UPDATE name_ru = VALUES(name_ru), name_en = VALUES(name_en);
INSERT INTO tariffs (id, plan_id, valid_from, valid_to, tiers, month_days_x10, vat_bp,
                     vat_included, vat_by_date, limit_per_household)
VALUES (9, 5, '2025-01-01', '2027-12-31', 3, 0, 0, 1, 1, 1);
INSERT INTO tariff_prices (tariff_id, tier, zone, price) VALUES (9, 0, 0, 50000), (9, 1, 0, 70000), (9, 2, 0, 90000);
INSERT INTO tariff_limits (tariff_id, household, residents, season, tier, limit_milli)
SELECT 9, h.household, 0, 'any', l.tier, l.limit_milli
FROM (SELECT 'gas' household UNION ALL SELECT 'gas-alone' UNION ALL SELECT 'estove'
      UNION ALL SELECT 'estove-alone' UNION ALL SELECT 'eheating') h
JOIN (SELECT 0 tier, 3900000 limit_milli UNION ALL SELECT 1, 6000000) l;
INSERT INTO tariff_limits (tariff_id, household, residents, season, tier, limit_milli)
VALUES (9, 'eheating', 0, 'heating', 0, 6000000), (9, 'eheating', 0, 'heating', 1, 9000000);
