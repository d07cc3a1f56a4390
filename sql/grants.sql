-- grants.sql: one database account per program, allowed exactly what the
-- statements in cgi-bin/db/ that the program runs need (sqlbox's role model,
-- enforced by MariaDB).  Applied by tools/stack.sh on every start, after the
-- accounts exist; each account is reset first, so this file is the whole truth.
-- A new statement in cgi-bin/db/ means a line here; tests/http prove the denials.

-- Every program checks sessions: the lookup (sessions JOIN subscribers, and
-- subscriber_accounts for the current account) and the touch of last_seen.

-- login: signs in and out, records attempts, rehashes passwords.
REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'kb_login'@'localhost';
GRANT SELECT, INSERT, DELETE ON kabinet.sessions TO 'kb_login'@'localhost';
GRANT UPDATE (last_seen) ON kabinet.sessions TO 'kb_login'@'localhost';
GRANT SELECT ON kabinet.subscribers TO 'kb_login'@'localhost';
GRANT UPDATE (password_hash) ON kabinet.subscribers TO 'kb_login'@'localhost';
GRANT SELECT, INSERT ON kabinet.login_attempts TO 'kb_login'@'localhost';
GRANT SELECT (subscriber_id, account_id) ON kabinet.subscriber_accounts TO 'kb_login'@'localhost';
-- ... registers (a subscriber, the link to the account, the current account), recovers
-- (tokens, a new password, every session ended), confirms e-mail addresses, and
-- queues what it sends; the signed-out forms are counted for their limits.
GRANT INSERT (login, password_hash, full_name, phone, lang) ON kabinet.subscribers
    TO 'kb_login'@'localhost';
GRANT UPDATE (email, current_account_id, lang) ON kabinet.subscribers TO 'kb_login'@'localhost';
GRANT INSERT (subscriber_id, account_id, linked_at) ON kabinet.subscriber_accounts
    TO 'kb_login'@'localhost';
GRANT SELECT (id, organization_id, number, payer_name, phone) ON kabinet.accounts
    TO 'kb_login'@'localhost';
GRANT SELECT (id, name, currency, phones) ON kabinet.organizations TO 'kb_login'@'localhost';
GRANT SELECT, INSERT ON kabinet.subscriber_tokens TO 'kb_login'@'localhost';
GRANT UPDATE (used_at, attempts) ON kabinet.subscriber_tokens TO 'kb_login'@'localhost';
GRANT SELECT, INSERT ON kabinet.form_attempts TO 'kb_login'@'localhost';
GRANT SELECT ON kabinet.common_passwords TO 'kb_login'@'localhost';
GRANT INSERT ON kabinet.outbox TO 'kb_login'@'localhost';

-- home: reads the session and the subscriber's public columns; never a password hash.
REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'kb_home'@'localhost';
GRANT SELECT ON kabinet.sessions TO 'kb_home'@'localhost';
GRANT UPDATE (last_seen) ON kabinet.sessions TO 'kb_home'@'localhost';
GRANT SELECT (id, login, full_name, email, phone, active, current_account_id)
    ON kabinet.subscribers TO 'kb_home'@'localhost';
-- ... and the dashboard: linked accounts, their latest month, payments, totals.
GRANT SELECT (subscriber_id, account_id) ON kabinet.subscriber_accounts TO 'kb_home'@'localhost';
GRANT SELECT (id, organization_id, number, payer_name, address) ON kabinet.accounts
    TO 'kb_home'@'localhost';
GRANT SELECT (id, name, currency) ON kabinet.organizations TO 'kb_home'@'localhost';
GRANT SELECT (id, supplier_id, name_ru, name_en, unit) ON kabinet.services TO 'kb_home'@'localhost';
GRANT SELECT (id, name) ON kabinet.suppliers TO 'kb_home'@'localhost';
GRANT SELECT ON kabinet.ledger TO 'kb_home'@'localhost';
GRANT SELECT (id, account_id, paid_at, amount, channel, bank, status) ON kabinet.payments
    TO 'kb_home'@'localhost';

-- accounts: lists, links and unlinks accounts, chooses the current one, and
-- checks a payment to link one (counting the failures).
REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'kb_accounts'@'localhost';
GRANT SELECT ON kabinet.sessions TO 'kb_accounts'@'localhost';
GRANT UPDATE (last_seen) ON kabinet.sessions TO 'kb_accounts'@'localhost';
GRANT SELECT (id, login, full_name, email, phone, active, current_account_id)
    ON kabinet.subscribers TO 'kb_accounts'@'localhost';
GRANT UPDATE (current_account_id) ON kabinet.subscribers TO 'kb_accounts'@'localhost';
GRANT SELECT, INSERT, DELETE ON kabinet.subscriber_accounts TO 'kb_accounts'@'localhost';
GRANT SELECT ON kabinet.accounts TO 'kb_accounts'@'localhost';
GRANT SELECT ON kabinet.organizations TO 'kb_accounts'@'localhost';
GRANT SELECT (id, supplier_id, name_ru, name_en, unit) ON kabinet.services
    TO 'kb_accounts'@'localhost';
GRANT SELECT (id, name) ON kabinet.suppliers TO 'kb_accounts'@'localhost';
GRANT SELECT ON kabinet.ledger TO 'kb_accounts'@'localhost';
GRANT SELECT (id, account_id, paid_at, amount, status) ON kabinet.payments TO 'kb_accounts'@'localhost';
GRANT SELECT, INSERT ON kabinet.link_attempts TO 'kb_accounts'@'localhost';

-- services: reads the current account's services, ledger and corrections.
REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'kb_services'@'localhost';
GRANT SELECT ON kabinet.sessions TO 'kb_services'@'localhost';
GRANT UPDATE (last_seen) ON kabinet.sessions TO 'kb_services'@'localhost';
GRANT SELECT (id, login, full_name, email, phone, active, current_account_id)
    ON kabinet.subscribers TO 'kb_services'@'localhost';
GRANT SELECT (subscriber_id, account_id) ON kabinet.subscriber_accounts
    TO 'kb_services'@'localhost';
GRANT SELECT ON kabinet.accounts TO 'kb_services'@'localhost';
GRANT SELECT ON kabinet.organizations TO 'kb_services'@'localhost';
GRANT SELECT (id, supplier_id, name_ru, name_en, unit) ON kabinet.services
    TO 'kb_services'@'localhost';
GRANT SELECT (id, name) ON kabinet.suppliers TO 'kb_services'@'localhost';
GRANT SELECT ON kabinet.ledger TO 'kb_services'@'localhost';
GRANT SELECT (id, account_id, service_id, period, amount, reason) ON kabinet.corrections
    TO 'kb_services'@'localhost';

-- receipts: reads what a receipt is made of (the account, its organization,
-- ledger, corrections, meters and readings, the months issued); changes only
-- the subscriber's choice of receipts by e-mail.
REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'kb_receipts'@'localhost';
GRANT SELECT ON kabinet.sessions TO 'kb_receipts'@'localhost';
GRANT UPDATE (last_seen) ON kabinet.sessions TO 'kb_receipts'@'localhost';
GRANT SELECT (id, login, full_name, email, phone, active, current_account_id)
    ON kabinet.subscribers TO 'kb_receipts'@'localhost';
GRANT SELECT (subscriber_id, account_id, receipt_email) ON kabinet.subscriber_accounts
    TO 'kb_receipts'@'localhost';
GRANT UPDATE (receipt_email) ON kabinet.subscriber_accounts TO 'kb_receipts'@'localhost';
GRANT SELECT ON kabinet.accounts TO 'kb_receipts'@'localhost';
GRANT SELECT ON kabinet.organizations TO 'kb_receipts'@'localhost';
GRANT SELECT (id, supplier_id, name_ru, name_en, unit) ON kabinet.services
    TO 'kb_receipts'@'localhost';
GRANT SELECT (id, name) ON kabinet.suppliers TO 'kb_receipts'@'localhost';
GRANT SELECT ON kabinet.ledger TO 'kb_receipts'@'localhost';
GRANT SELECT (id, account_id, service_id, period, amount, reason) ON kabinet.corrections
    TO 'kb_receipts'@'localhost';
GRANT SELECT (id, account_id, number, kind, zones, digits, decimals, installed_on, removed_on)
    ON kabinet.meters TO 'kb_receipts'@'localhost';
GRANT SELECT (id, meter_id, zone, taken_on, value, status) ON kabinet.readings
    TO 'kb_receipts'@'localhost';
GRANT SELECT ON kabinet.receipt_issues TO 'kb_receipts'@'localhost';

-- calculator: reads tariffs, the current account's organization, residents
-- and household, and the subscriber's meters with their last readings to
-- fill the form in; writes nothing.
REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'kb_calculator'@'localhost';
GRANT SELECT ON kabinet.sessions TO 'kb_calculator'@'localhost';
GRANT UPDATE (last_seen) ON kabinet.sessions TO 'kb_calculator'@'localhost';
GRANT SELECT (id, login, full_name, email, phone, active, current_account_id)
    ON kabinet.subscribers TO 'kb_calculator'@'localhost';
GRANT SELECT (subscriber_id, account_id) ON kabinet.subscriber_accounts
    TO 'kb_calculator'@'localhost';
GRANT SELECT ON kabinet.accounts TO 'kb_calculator'@'localhost';
GRANT SELECT ON kabinet.organizations TO 'kb_calculator'@'localhost';
GRANT SELECT ON kabinet.tariff_plans TO 'kb_calculator'@'localhost';
GRANT SELECT ON kabinet.tariffs TO 'kb_calculator'@'localhost';
GRANT SELECT ON kabinet.tariff_prices TO 'kb_calculator'@'localhost';
GRANT SELECT ON kabinet.tariff_limits TO 'kb_calculator'@'localhost';
GRANT SELECT ON kabinet.meters TO 'kb_calculator'@'localhost';
GRANT SELECT (id, meter_id, zone, taken_on, value, status) ON kabinet.readings
    TO 'kb_calculator'@'localhost';

-- readings: the meters of linked accounts and their readings; records new
-- readings; reads tariffs for the estimate.  Cannot change or delete a reading.
REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'kb_readings'@'localhost';
GRANT SELECT ON kabinet.sessions TO 'kb_readings'@'localhost';
GRANT UPDATE (last_seen) ON kabinet.sessions TO 'kb_readings'@'localhost';
GRANT SELECT (id, login, full_name, email, phone, active, current_account_id)
    ON kabinet.subscribers TO 'kb_readings'@'localhost';
GRANT SELECT (subscriber_id, account_id) ON kabinet.subscriber_accounts
    TO 'kb_readings'@'localhost';
GRANT SELECT ON kabinet.accounts TO 'kb_readings'@'localhost';
GRANT SELECT ON kabinet.organizations TO 'kb_readings'@'localhost';
GRANT SELECT ON kabinet.meters TO 'kb_readings'@'localhost';
GRANT SELECT, INSERT ON kabinet.readings TO 'kb_readings'@'localhost';
GRANT SELECT ON kabinet.tariffs TO 'kb_readings'@'localhost';
GRANT SELECT ON kabinet.tariff_prices TO 'kb_readings'@'localhost';
GRANT SELECT ON kabinet.tariff_limits TO 'kb_readings'@'localhost';

-- payments: history, the payment form, the provider's return and
-- notification, autopay.  Credits the ledger only through paid and closing
-- (and opens the month a payment arrives in); never changes what was accrued.
REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'kb_payments'@'localhost';
GRANT SELECT ON kabinet.sessions TO 'kb_payments'@'localhost';
GRANT UPDATE (last_seen) ON kabinet.sessions TO 'kb_payments'@'localhost';
GRANT SELECT (id, login, full_name, email, phone, active, current_account_id, lang,
              notify_email, notify_sms) ON kabinet.subscribers TO 'kb_payments'@'localhost';
GRANT SELECT (subscriber_id, account_id) ON kabinet.subscriber_accounts
    TO 'kb_payments'@'localhost';
GRANT SELECT ON kabinet.accounts TO 'kb_payments'@'localhost';
GRANT SELECT ON kabinet.organizations TO 'kb_payments'@'localhost';
GRANT SELECT (id, supplier_id, name_ru, name_en, unit) ON kabinet.services
    TO 'kb_payments'@'localhost';
GRANT SELECT (id, name) ON kabinet.suppliers TO 'kb_payments'@'localhost';
GRANT SELECT, INSERT ON kabinet.ledger TO 'kb_payments'@'localhost';
GRANT UPDATE (paid, closing) ON kabinet.ledger TO 'kb_payments'@'localhost';
GRANT SELECT, INSERT ON kabinet.payments TO 'kb_payments'@'localhost';
GRANT UPDATE (status, paid_at) ON kabinet.payments TO 'kb_payments'@'localhost';
GRANT SELECT, INSERT ON kabinet.payment_lines TO 'kb_payments'@'localhost';
GRANT SELECT, INSERT ON kabinet.online_payments TO 'kb_payments'@'localhost';
GRANT UPDATE (provider_id, confirmation_url, status, method_id, method_title, cancel_reason,
              settled_at) ON kabinet.online_payments TO 'kb_payments'@'localhost';
GRANT SELECT, INSERT, DELETE ON kabinet.autopays TO 'kb_payments'@'localhost';
GRANT INSERT ON kabinet.outbox TO 'kb_payments'@'localhost';
-- ... and records how an autopay charge ended when its notification settles it.
GRANT SELECT (online_id), UPDATE (result) ON kabinet.autopay_runs TO 'kb_payments'@'localhost';

-- payjobs: the scheduled program (autopay, reconciliation).  No sessions; the
-- same crediting rights as payments, and the autopay runs.
REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'kb_payjobs'@'localhost';
GRANT SELECT (id, email, phone, lang, notify_email, notify_sms) ON kabinet.subscribers
    TO 'kb_payjobs'@'localhost';
GRANT SELECT (subscriber_id, account_id) ON kabinet.subscriber_accounts
    TO 'kb_payjobs'@'localhost';
GRANT SELECT ON kabinet.accounts TO 'kb_payjobs'@'localhost';
GRANT SELECT ON kabinet.organizations TO 'kb_payjobs'@'localhost';
GRANT SELECT, INSERT ON kabinet.ledger TO 'kb_payjobs'@'localhost';
GRANT UPDATE (paid, closing) ON kabinet.ledger TO 'kb_payjobs'@'localhost';
GRANT SELECT, INSERT ON kabinet.payments TO 'kb_payjobs'@'localhost';
GRANT UPDATE (status, paid_at) ON kabinet.payments TO 'kb_payjobs'@'localhost';
GRANT SELECT, INSERT ON kabinet.payment_lines TO 'kb_payjobs'@'localhost';
GRANT SELECT, INSERT ON kabinet.online_payments TO 'kb_payjobs'@'localhost';
GRANT UPDATE (provider_id, confirmation_url, status, method_id, method_title, cancel_reason,
              settled_at) ON kabinet.online_payments TO 'kb_payjobs'@'localhost';
GRANT SELECT ON kabinet.autopays TO 'kb_payjobs'@'localhost';
GRANT SELECT, INSERT, UPDATE ON kabinet.autopay_runs TO 'kb_payjobs'@'localhost';
GRANT INSERT ON kabinet.outbox TO 'kb_payjobs'@'localhost';

-- receiptjobs: issues a month's receipts: reads organizations and who was
-- billed, records the month, and queues the e-mails of those who take
-- receipts by e-mail.  Changes nothing else.
REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'kb_receiptjobs'@'localhost';
GRANT SELECT ON kabinet.organizations TO 'kb_receiptjobs'@'localhost';
GRANT SELECT (id, organization_id) ON kabinet.accounts TO 'kb_receiptjobs'@'localhost';
GRANT SELECT (account_id, period) ON kabinet.ledger TO 'kb_receiptjobs'@'localhost';
GRANT SELECT (id, email, phone, lang, notify_email, notify_sms, active) ON kabinet.subscribers
    TO 'kb_receiptjobs'@'localhost';
GRANT SELECT (subscriber_id, account_id, receipt_email) ON kabinet.subscriber_accounts
    TO 'kb_receiptjobs'@'localhost';
GRANT SELECT, INSERT ON kabinet.receipt_issues TO 'kb_receiptjobs'@'localhost';
GRANT INSERT ON kabinet.outbox TO 'kb_receiptjobs'@'localhost';

-- deliver: sends the outbox.  Claims and marks messages, and reads what a
-- message is made of (a receipt: the same as the receipts program reads).
REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'kb_deliver'@'localhost';
GRANT SELECT (id, subscriber_id, channel, address, lang, kind, params, status, attempts,
              next_attempt_at) ON kabinet.outbox TO 'kb_deliver'@'localhost';
GRANT UPDATE (status, attempts, next_attempt_at, sent_at, last_error, params) ON kabinet.outbox
    TO 'kb_deliver'@'localhost';
GRANT SELECT (subscriber_id, account_id, receipt_email) ON kabinet.subscriber_accounts
    TO 'kb_deliver'@'localhost';
GRANT SELECT ON kabinet.accounts TO 'kb_deliver'@'localhost';
GRANT SELECT ON kabinet.organizations TO 'kb_deliver'@'localhost';
GRANT SELECT (id, supplier_id, name_ru, name_en, unit) ON kabinet.services
    TO 'kb_deliver'@'localhost';
GRANT SELECT (id, name) ON kabinet.suppliers TO 'kb_deliver'@'localhost';
GRANT SELECT ON kabinet.ledger TO 'kb_deliver'@'localhost';
GRANT SELECT (id, account_id, service_id, period, amount, reason) ON kabinet.corrections
    TO 'kb_deliver'@'localhost';
GRANT SELECT (id, account_id, number, kind, zones, digits, decimals, installed_on, removed_on)
    ON kabinet.meters TO 'kb_deliver'@'localhost';
GRANT SELECT (id, meter_id, zone, taken_on, value, status) ON kabinet.readings
    TO 'kb_deliver'@'localhost';
GRANT SELECT ON kabinet.receipt_issues TO 'kb_deliver'@'localhost';

-- settings: the subscriber's own row (the name, the landline, the language,
-- notifications, the password, never the login or the mobile phone, which
-- staff change on request), requests, e-mail confirmation tokens, sessions,
-- and which accounts' receipts come by e-mail.
REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'kb_settings'@'localhost';
GRANT SELECT, DELETE ON kabinet.sessions TO 'kb_settings'@'localhost';
GRANT UPDATE (last_seen) ON kabinet.sessions TO 'kb_settings'@'localhost';
GRANT SELECT ON kabinet.subscribers TO 'kb_settings'@'localhost';
GRANT UPDATE (full_name, landline, lang, notify_email, notify_sms, password_hash)
    ON kabinet.subscribers TO 'kb_settings'@'localhost';
GRANT SELECT (subscriber_id, account_id, receipt_email) ON kabinet.subscriber_accounts
    TO 'kb_settings'@'localhost';
GRANT UPDATE (receipt_email) ON kabinet.subscriber_accounts TO 'kb_settings'@'localhost';
GRANT SELECT (id, number, address) ON kabinet.accounts TO 'kb_settings'@'localhost';
GRANT SELECT, INSERT, DELETE ON kabinet.contact_requests TO 'kb_settings'@'localhost';
GRANT SELECT, INSERT ON kabinet.subscriber_tokens TO 'kb_settings'@'localhost';
GRANT UPDATE (used_at) ON kabinet.subscriber_tokens TO 'kb_settings'@'localhost';
GRANT SELECT, INSERT ON kabinet.login_attempts TO 'kb_settings'@'localhost';
GRANT SELECT ON kabinet.common_passwords TO 'kb_settings'@'localhost';
GRANT INSERT ON kabinet.outbox TO 'kb_settings'@'localhost';

-- tidy: deletes rows whose use is over (cgi-bin/tidy.c), reading only the
-- columns that say when and, for messages, whether they are done.
REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'kb_tidy'@'localhost';
GRANT SELECT (last_seen), DELETE ON kabinet.sessions TO 'kb_tidy'@'localhost';
GRANT SELECT (expires_at), DELETE ON kabinet.subscriber_tokens TO 'kb_tidy'@'localhost';
GRANT SELECT (at), DELETE ON kabinet.form_attempts TO 'kb_tidy'@'localhost';
GRANT SELECT (at), DELETE ON kabinet.link_attempts TO 'kb_tidy'@'localhost';
GRANT SELECT (at), DELETE ON kabinet.login_attempts TO 'kb_tidy'@'localhost';
GRANT SELECT (created_at, status), DELETE ON kabinet.outbox TO 'kb_tidy'@'localhost';
