# cgi-bin/manifest.mk: what each program links, besides its own file.
#
# A program is linked from exactly these objects (no library archive), so a
# call into a module not listed here is an undefined reference: a build
# error.  `make check-layers` also fails when a listed module is not needed,
# so a list says what the program uses, no more.  A module is named by its
# layer and file: core/arena is cgi-bin/core/arena.c.  See docs/architecture.md.
MODS_login = app/link app/org_list app/password app/two_factor core/arena core/config core/crypto \
	core/date core/lang core/log core/login core/module core/money core/month core/parse \
	core/password core/perr core/privilege core/throttle core/totp core/urlenc core/useragent \
	core/utf8 core/valid db/account db/db db/form_attempt db/login_attempt db/organization \
	db/outbox db/password db/session db/subscriber db/throttle db/tidy db/token db/two_factor \
	db/unread doc/catalog doc/finish doc/html_write doc/render doc/xml doc/xmlmem doc/xsl_node \
	web/csrf web/form web/form_password web/nav web/request web/respond web/sandbox web/serve \
	web/session web/signin web/signin_limit web/status
MODS_appeals = app/account_list app/appeal core/arena core/attachment core/config core/crypto \
	core/date core/lang core/log core/module core/money core/month core/multipart core/parse \
	core/privilege core/urlenc core/utf8 core/valid db/account db/appeal db/appeal_field \
	db/chunks db/db db/help db/inbox db/news db/session db/unread doc/catalog doc/finish \
	doc/html_write doc/render doc/xml doc/xmlmem doc/xsl_node web/appeal_upload web/csrf \
	web/form web/nav web/request web/respond web/sandbox web/serve web/session web/status \
	web/upload
MODS_home = app/account_list core/arena core/config core/crypto core/date core/lang core/log \
	core/module core/money core/month core/parse core/privilege core/urlenc core/utf8 \
	core/valid db/account db/db db/session db/unread doc/catalog doc/chart doc/finish \
	doc/html_write doc/render doc/xml doc/xmlmem doc/xsl_node web/csrf web/nav web/request \
	web/respond web/sandbox web/serve web/session web/status
MODS_accounts = app/account_list app/org_list app/password billing/access billing/bankcheck \
	core/arena core/config core/crypto core/date core/decimal core/lang core/log core/login \
	core/module core/money core/month core/parse core/password core/privilege core/throttle \
	core/urlenc core/utf8 core/valid db/access db/account db/alert db/company db/db \
	db/organization db/outbox db/password db/session db/subscriber db/throttle db/unread \
	doc/catalog doc/finish doc/html_write doc/render doc/xml doc/xmlmem doc/xsl_node web/csrf \
	web/form web/form_password web/nav web/request web/respond web/sandbox web/serve \
	web/session web/signin_limit web/status
MODS_services = app/invoice app/payment_qr app/promise billing/ledger billing/payqr \
	billing/promise core/arena core/config core/crypto core/date core/decimal core/lang \
	core/log core/module core/money core/month core/parse core/perr core/privilege core/urlenc \
	core/utf8 core/valid db/account db/company db/connection db/db db/guarded db/invoice \
	db/ledger db/qr db/session db/unread db/usage doc/catalog doc/finish doc/html_write \
	doc/pdf doc/qr doc/render doc/sheet doc/xlsx doc/xml doc/xmlmem doc/xsl_node web/csrf \
	web/form web/nav web/page_pdf web/page_table web/period web/request web/respond \
	web/sandbox web/serve web/session web/status
MODS_calculator = app/tariff_period billing/reading billing/tariff core/arena core/config \
	core/crypto core/date core/decimal core/lang core/log core/module core/money core/month \
	core/parse core/privilege core/urlenc core/utf8 core/valid db/account db/db \
	db/organization db/reading db/session db/tariff db/unread doc/catalog doc/finish \
	doc/html_write doc/render doc/xml doc/xmlmem doc/xsl_node web/csrf web/form web/nav \
	web/request web/respond web/sandbox web/serve web/session web/status
MODS_readings = app/tariff_period billing/reading billing/tariff core/arena core/config \
	core/crypto core/date core/decimal core/lang core/log core/module core/money core/month \
	core/parse core/privilege core/urlenc core/utf8 core/valid db/db db/reading db/session \
	db/tariff db/unread doc/catalog doc/finish doc/html_write doc/render doc/sheet doc/xlsx \
	doc/xml doc/xmlmem doc/xsl_node web/csrf web/form web/nav web/page_table web/request \
	web/respond web/sandbox web/serve web/session web/status
MODS_payments = app/credit app/fiscal app/settle billing/fiscal billing/split core/arena \
	core/config core/crypto core/date core/lang core/log core/module core/money core/month \
	core/parse core/perr core/privilege core/urlenc core/utf8 core/valid db/account db/autopay \
	db/credit db/db db/fiscal db/invoice db/online db/outbox db/payment db/session db/unread \
	doc/catalog doc/finish doc/html_write doc/render doc/sheet doc/xlsx doc/xml doc/xmlmem \
	doc/xsl_node net/http net/yookassa web/csrf web/form web/nav web/page_table web/period \
	web/request web/respond web/sandbox web/serve web/session web/status
MODS_receipts = app/payment_qr app/receipt app/receipt_pdf billing/bankcheck billing/payqr \
	billing/reading billing/receipt core/arena core/config core/crypto core/date core/decimal \
	core/lang core/log core/module core/money core/month core/parse core/perr core/privilege \
	core/urlenc core/utf8 core/valid db/account db/db db/qr db/receipt db/receipt_doc \
	db/session db/unread doc/catalog doc/finish doc/html_write doc/pdf doc/qr doc/render \
	doc/xml doc/xmlmem doc/xsl_node web/csrf web/form web/nav web/period web/request \
	web/respond web/sandbox web/serve web/session web/status
MODS_settings = app/link app/password app/two_factor billing/bankcheck billing/payqr \
	billing/receipt core/arena core/config core/crypto core/date core/lang core/log \
	core/module core/money core/month core/parse core/password core/privilege core/throttle \
	core/totp core/urlenc core/useragent core/utf8 core/valid db/contact db/db \
	db/login_attempt db/outbox db/password db/receipt db/receipt_doc db/session db/subscriber \
	db/throttle db/token db/two_factor db/unread doc/catalog doc/enrol doc/finish \
	doc/html_write doc/qr doc/render doc/xml doc/xmlmem doc/xsl_node web/csrf web/form \
	web/form_password web/nav web/request web/respond web/sandbox web/serve web/session \
	web/signin web/signin_limit web/status
MODS_payjobs = app/credit app/fiscal app/job app/settle billing/fiscal billing/split core/arena \
	core/config core/date core/lang core/log core/module core/money core/month core/parse \
	core/perr core/privilege core/utf8 db/autopay db/connection db/credit db/db db/fiscal \
	db/online db/outbox doc/xml net/http net/yookassa
MODS_receiptjobs = app/job billing/bankcheck billing/payqr billing/receipt core/arena \
	core/config core/date core/lang core/log core/module core/money core/month core/parse \
	core/perr core/privilege core/utf8 db/db db/receipt db/receipt_doc
MODS_deliver = app/job app/news app/payment_qr app/receipt app/receipt_pdf billing/bankcheck \
	billing/payqr billing/reading billing/receipt core/arena core/config core/crypto core/date \
	core/decimal core/lang core/log core/module core/money core/month core/parse core/perr \
	core/privilege core/utf8 core/valid db/account db/db db/inbox_write db/news db/outbox \
	db/qr db/receipt db/receipt_doc doc/catalog doc/finish doc/html_write doc/message doc/pdf \
	doc/qr doc/render doc/xml doc/xmlmem doc/xsl_node net/http net/mail net/sms
MODS_remind = app/job core/arena core/config core/date core/lang core/log core/module \
	core/money core/month core/parse core/perr core/privilege core/utf8 db/db db/outbox \
	db/reminder doc/xml
MODS_tidy = app/job core/arena core/config core/date core/log core/module core/parse core/perr \
	core/privilege core/utf8 db/db db/tidy
MODS_exchange = app/credit app/exchange app/exchange_format app/export billing/bankcheck \
	billing/payqr billing/receipt billing/split core/arena core/config core/crypto core/csvin \
	core/csvout core/date core/decimal core/lang core/log core/module core/money core/month \
	core/multipart core/parse core/perr core/privilege core/totp core/urlenc core/utf8 \
	core/valid db/api db/audit db/credit db/db db/exchange db/export db/session db/staff \
	db/unread doc/catalog doc/finish doc/html_write doc/render doc/sheet doc/xlsx \
	doc/xlsx_stream doc/xml doc/xmlmem doc/xsl_node web/console web/csrf web/form web/nav \
	web/page_table web/request web/respond web/sandbox web/serve web/session web/staff_session \
	web/status web/upload
MODS_api = app/batch app/credit app/exchange app/exchange_format billing/bankcheck billing/payqr \
	billing/receipt billing/split core/arena core/config core/crypto core/csvin core/date \
	core/decimal core/lang core/log core/module core/money core/month core/parse core/perr \
	core/privilege core/utf8 core/valid db/api db/audit db/credit db/db db/exchange \
	doc/catalog doc/finish doc/html_write doc/render doc/xmlmem doc/xsl_node web/sandbox \
	web/serve web/status
MODS_kabinet_import = app/credit app/exchange app/exchange_format app/job billing/bankcheck \
	billing/payqr billing/receipt billing/split core/arena core/config core/csvin core/date \
	core/decimal core/lang core/log core/module core/money core/month core/parse core/perr \
	core/privilege core/utf8 core/valid db/audit db/credit db/db db/exchange
MODS_kabinet_export = app/export app/job core/arena core/config core/csvout core/date core/log \
	core/module core/parse core/perr core/privilege core/utf8 db/db db/export doc/xlsx_stream
MODS_kabinet_migrate = app/job core/arena core/config core/date core/log core/module core/parse \
	core/privilege core/sqlscript core/utf8 db/db db/migrate
MODS_kabinet_passwd = core/arena core/config core/crypto core/date core/log core/parse core/totp \
	core/utf8
MODS_kabinet_gen = billing/split core/money
MODS_kabinet_demo_bill = app/job app/tariff_period billing/reading billing/tariff core/arena \
	core/config core/date core/lang core/log core/module core/money core/month core/parse \
	core/perr core/privilege core/utf8 db/db db/demo_bill db/tariff
MODS_admin = app/appeal app/credit app/fiscal app/link app/news app/password app/refund app/settle \
	billing/access billing/bankcheck billing/fiscal billing/payqr billing/reading \
	billing/receipt billing/split core/arena core/attachment core/config core/crypto core/date \
	core/decimal core/lang core/log core/login core/module core/money core/month \
	core/multipart core/parse core/password core/perr core/privilege core/throttle core/totp \
	core/urlenc core/useragent core/utf8 core/valid db/account db/appeal db/appeal_field \
	db/appeal_topic db/audit db/autopay db/chunks db/contact db/credit db/db db/directory \
	db/fiscal db/help db/help_edit db/news db/online db/organization db/outbox db/overview \
	db/password db/reading db/refund db/session db/staff db/subscriber db/throttle db/token \
	db/two_factor db/unread doc/catalog doc/enrol doc/finish doc/html_write doc/qr doc/render \
	doc/sheet doc/xlsx doc/xml doc/xmlmem doc/xsl_node net/http net/yookassa web/appeal_upload \
	web/console web/csrf web/form web/form_password web/nav web/page_table web/request \
	web/respond web/sandbox web/serve web/session web/signin_limit web/staff_session \
	web/status web/upload
