-- 036: typed service requests.  Some topics are forms with their own fields
-- (appeal_topics.form); the values are kept with the appeal, one row each,
-- and shown to staff beside the thread.
--   sms-info   switch SMS informing on or off: action, phone, start_on
--   due-date   change the payment due date: day
--   absence    recalculation for a temporary absence: from_on, to_on (a document attached)
--   meter      meter verification or replacement: meter, work, preferred_on
--   owner      change of owner or residents: change, new_owner, residents
ALTER TABLE appeal_topics ADD COLUMN form VARCHAR(20) NULL AFTER code;

CREATE TABLE appeal_fields (
    appeal_id BIGINT UNSIGNED NOT NULL,
    name      VARCHAR(32)     NOT NULL,
    value     VARCHAR(300)    NOT NULL,
    PRIMARY KEY (appeal_id, name),
    CONSTRAINT fk_appeal_fields FOREIGN KEY (appeal_id) REFERENCES appeals (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

UPDATE appeal_topics SET form = 'meter' WHERE code = 'meter';
INSERT INTO appeal_topics (organization_id, code, form, name_ru, name_en, sort)
SELECT o.id, t.code, t.code, t.name_ru, t.name_en, t.sort FROM organizations o
CROSS JOIN (SELECT 'sms-info' code, 'Подключение или отключение SMS-информирования' name_ru,
                   'SMS informing on or off' name_en, 5 sort
            UNION ALL SELECT 'due-date', 'Перенос срока оплаты', 'Changing the payment due date', 6
            UNION ALL SELECT 'absence', 'Перерасчёт за время отсутствия',
                             'Recalculation for a temporary absence', 7
            UNION ALL SELECT 'owner', 'Смена собственника или числа проживающих',
                             'Change of owner or residents', 8) t;

DROP TRIGGER organizations_appeal_topics;
DELIMITER //
CREATE TRIGGER organizations_appeal_topics AFTER INSERT ON organizations FOR EACH ROW
BEGIN
    INSERT INTO appeal_topics (organization_id, code, form, name_ru, name_en, sort) VALUES
        (NEW.id, 'charges', NULL, 'Вопрос по начислениям', 'A question about charges', 1),
        (NEW.id, 'payment', NULL, 'Оплата не поступила', 'A payment not received', 2),
        (NEW.id, 'readings', NULL, 'Показания счётчиков', 'Meter readings', 3),
        (NEW.id, 'meter', 'meter', 'Поверка или замена счётчика',
         'Meter verification or replacement', 4),
        (NEW.id, 'sms-info', 'sms-info', 'Подключение или отключение SMS-информирования',
         'SMS informing on or off', 5),
        (NEW.id, 'due-date', 'due-date', 'Перенос срока оплаты', 'Changing the payment due date', 6),
        (NEW.id, 'absence', 'absence', 'Перерасчёт за время отсутствия',
         'Recalculation for a temporary absence', 7),
        (NEW.id, 'owner', 'owner', 'Смена собственника или числа проживающих',
         'Change of owner or residents', 8),
        (NEW.id, 'other', NULL, 'Другое', 'Something else', 9);
END//
DELIMITER ;
