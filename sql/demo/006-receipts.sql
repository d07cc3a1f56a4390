-- Demo receipts set-up: Энск prints a QR code for housing payments and a
-- notice on the back; its receipts are issued by receiptjobs after the
-- histories are loaded (tools/stack.sh), which checks these bank details.
UPDATE organizations
SET kpp = '770701001', website = 'https://rc-ensk.example',
    receipt_note = 'Показания счётчиков принимаются с 15 по 25 число месяца. При оплате после 10 числа начисляются пени по ст. 155 ЖК РФ. Аварийная служба: +7 495 100-20-39, круглосуточно.',
    qr_category = 'ЖКУ', qr_tech_code = '02', pay_by_day = 10
WHERE id = 1;
UPDATE organizations
SET kpp = NULL, website = 'https://almaty-energy.example',
    receipt_note = 'Показания принимаются с 1 по 31 число. Консультации: +7 727 356-99-99.',
    qr_category = NULL, qr_tech_code = NULL, pay_by_day = 25
WHERE id = 2;
UPDATE subscriber_accounts SET receipt_email = 0;
DELETE FROM receipt_issues;
