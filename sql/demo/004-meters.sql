-- Demo meters and six months of accepted readings, dated relative to today
-- so the demo never ages.  Account 1 has a three-zone electricity meter and a
-- cold-water meter, account 2 a single-zone meter close to rolling over
-- (99 870 of 99 999), demo2's account 3 a two-zone meter.
DELETE r FROM readings r JOIN meters m ON m.id = r.meter_id WHERE m.id <= 4;
DELETE FROM meters WHERE id <= 4;
INSERT INTO meters (id, account_id, service_id, plan_id, kind, number, zones, digits, decimals,
                    verification_due, installed_on)
VALUES (1, 1, 1, 3, 'electricity', 'ЦЭ6803В 011234567', 3, 6, 0, '2031-04-17', '2023-04-17'),
       (2, 1, 3, NULL, 'cold-water', 'ВСХ-15 21-334455', 1, 5, 3, '2027-02-01', '2021-02-01'),
       (3, 2, 1, 1, 'electricity', 'СО-505 7788990', 1, 5, 0, '2029-09-02', '2019-09-02'),
       (4, 3, 1, 2, 'electricity', 'Меркурий 201 5566778', 2, 6, 0, '2030-06-10', '2020-06-10');

-- Month n = 6 .. 1 back, on the 20th: steady monthly consumption per register.
INSERT INTO readings (meter_id, zone, taken_on, value, source, status, created_at)
SELECT m.meter_id, m.zone,
       DATE_FORMAT(UTC_DATE() - INTERVAL s.seq MONTH, '%Y-%m-20'),
       m.base + (7 - s.seq) * m.step, IF(s.seq % 3 = 0, 'staff', 'import'), 'accepted',
       UTC_TIMESTAMP(6)
FROM seq_1_to_6 s
JOIN (SELECT 1 meter_id, 0 zone, 10000 base, 120 step UNION ALL
      SELECT 1, 1, 5000, 80 UNION ALL SELECT 1, 2, 7000, 100 UNION ALL
      SELECT 2, 0, 123456, 9500 UNION ALL
      SELECT 3, 0, 99090, 130 UNION ALL
      SELECT 4, 0, 20000, 150 UNION ALL SELECT 4, 1, 8000, 90) m;
