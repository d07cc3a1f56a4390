/*
 * db/month_readings.h: which readings a month bills, as SQL for the
 * statements that store a receipt's back (db/receipt_doc.c) and bill a month
 * from its readings (db/demo_bill.c): a register's last accepted reading
 * taken in the month, and the last one before the month.  col is the
 * column wanted, zone the register, period the month's first day; the
 * meter's alias is m.
 */
#ifndef DB_MONTH_READINGS_H
#define DB_MONTH_READINGS_H

#define READING_IN_MONTH(col, zone, period)                                                 \
	"(SELECT r." col " FROM readings r WHERE r.meter_id = m.id AND r.zone = " zone " "    \
	"AND r.status = 'accepted' AND r.taken_on >= " period " "                            \
	"AND r.taken_on < " period " + INTERVAL 1 MONTH "                                    \
	"ORDER BY r.taken_on DESC, r.id DESC LIMIT 1)"
#define READING_BEFORE(col, zone, period)                                                   \
	"(SELECT r." col " FROM readings r WHERE r.meter_id = m.id AND r.zone = " zone " "    \
	"AND r.status = 'accepted' AND r.taken_on < " period " "                             \
	"ORDER BY r.taken_on DESC, r.id DESC LIMIT 1)"

#endif
