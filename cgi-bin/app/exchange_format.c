/*
 * exchange_format.c: the files the billing system sends, kind by kind: each
 * column's name, in its documented order, and the rule its values keep.
 * The checker (app/exchange.c) holds every row to these; the console lists
 * them for its templates, and kabinet-import takes a kind by its name.
 */
#include <string.h>

#include "app/exchange_format.h"

static const char *const units[] = {"kWh", "m3", "Gcal", "m2", "month", NULL};
static const char *const meter_kinds[] = {"electricity", "cold-water", "hot-water",
                                          "gas",         "heat",       NULL};
static const char *const channels[] = {"bank", "cash", "card", NULL};
static const char *const households[] = {"gas",          "gas-alone", "estove",
                                         "estove-alone", "eheating",  NULL};
static const char *const seasons[] = {"any", "heating", "summer", NULL};
static const char *const line_states[] = {"active", "suspended", NULL};
static const char *const object_states[] = {"armed", "disarmed", "alarm", "fault", NULL};
static const char *const object_events[] = {"armed", "disarmed", "alarm",
                                            "fault", "restored", NULL};
static const char *const usage_kinds[] = {"call", "session", NULL};

#define MONEY_MAX 100000000000LL /* a billion in major units */

static const struct col accounts_cols[] = {
        {"number", T_NUMBER, 1, 1, 20, NULL},    {"street", T_TEXT, 1, 1, 200, NULL},
        {"house", T_TEXT, 1, 1, 20, NULL},       {"flat", T_TEXT, 0, 1, 20, NULL},
        {"area", T_QTY2, 1, 0, 10000000, NULL},  {"residents", T_INT, 1, 0, 99, NULL},
        {"payer_name", T_TEXT, 1, 2, 200, NULL}, {"phone", T_TEXT, 0, 5, 32, NULL},
        {"email", T_EMAIL, 0, 3, 254, NULL},
};
static const struct col services_cols[] = {
        {"code", T_CODE, 1, 1, 32, NULL},
        {"name_ru", T_TEXT, 1, 1, 100, NULL},
        {"name_en", T_TEXT, 1, 1, 100, NULL},
        {"unit", T_CHOICE, 1, 0, 0, units},
        {"supplier_name", T_TEXT, 1, 2, 200, NULL},
        {"supplier_inn", T_INN, 1, 10, 12, NULL},
        {"supplier_phone", T_TEXT, 1, 5, 50, NULL},
        /* A supplier paid to its own account (sql/046); none of them: through the
         * organization. */
        {"supplier_kpp", T_TEXT, 0, 9, 9, NULL},
        {"supplier_bank_name", T_TEXT, 0, 2, 200, NULL},
        {"supplier_bic", T_TEXT, 0, 8, 11, NULL},
        {"supplier_account", T_TEXT, 0, 20, 34, NULL},
        {"supplier_corr_account", T_TEXT, 0, 20, 20, NULL},
        {"supplier_qr_name", T_TEXT, 0, 2, 60, NULL},
};
static const struct col meters_cols[] = {
        {"account", T_NUMBER, 1, 1, 20, NULL},
        {"service", T_CODE, 1, 1, 32, NULL},
        {"serial", T_TEXT, 1, 1, 32, NULL},
        {"kind", T_CHOICE, 1, 0, 0, meter_kinds},
        {"zones", T_INT, 1, 1, 3, NULL},
        {"digits", T_INT, 1, 1, 12, NULL},
        {"decimals", T_INT, 0, 0, 3, NULL},
        {"installed_on", T_DATE, 1, 0, 0, NULL},
        {"verification_due", T_DATE, 0, 0, 0, NULL},
};
static const struct col charges_cols[] = {
        {"account", T_NUMBER, 1, 1, 20, NULL},
        {"service", T_CODE, 1, 1, 32, NULL},
        {"period", T_MONTH, 1, 0, 0, NULL},
        {"opening", T_MONEY, 1, -MONEY_MAX, MONEY_MAX, NULL},
        {"quantity", T_QTY3, 0, -1000000000000LL, 1000000000000LL, NULL},
        {"rate", T_PRICE, 0, 0, MONEY_MAX *PRICE_PER_MINOR, NULL},
        {"charge", T_MONEY, 1, -MONEY_MAX, MONEY_MAX, NULL},
        {"recalculation", T_MONEY, 0, -MONEY_MAX, MONEY_MAX, NULL},
        {"recalculation_reason", T_TEXT, 0, 2, 300, NULL},
        {"penalties", T_MONEY, 0, -MONEY_MAX, MONEY_MAX, NULL},
        {"paid", T_MONEY, 0, -MONEY_MAX, MONEY_MAX, NULL},
        {"closing", T_MONEY, 1, -MONEY_MAX, MONEY_MAX, NULL},
};
static const struct col payments_cols[] = {
        {"id", T_TEXT, 1, 1, 64, NULL},           {"account", T_NUMBER, 1, 1, 20, NULL},
        {"paid_at", T_STAMP, 1, 0, 0, NULL},      {"amount", T_MONEY, 1, 1, MONEY_MAX, NULL},
        {"channel", T_CHOICE, 1, 0, 0, channels}, {"bank", T_TEXT, 0, 2, 100, NULL},
};
static const struct col readings_cols[] = {
        {"account", T_NUMBER, 1, 1, 20, NULL},
        {"serial", T_TEXT, 1, 1, 32, NULL},
        {"zone", T_INT, 0, 1, 3, NULL},
        {"taken_on", T_DATE, 1, 0, 0, NULL},
        {"value", T_QTY3, 1, 0, 999999999999999LL, NULL},
};

static const struct col tariffs_cols[] = {
        {"plan", T_CODE, 1, 1, 32, NULL},
        {"service", T_CODE, 1, 1, 32, NULL},
        {"name_ru", T_TEXT, 1, 1, 150, NULL},
        {"name_en", T_TEXT, 1, 1, 150, NULL},
        {"zones", T_INT, 1, 1, 3, NULL},
        {"public", T_INT, 0, 0, 1, NULL},
        {"valid_from", T_DATE, 1, 0, 0, NULL},
        {"valid_to", T_DATE, 1, 0, 0, NULL},
        {"tiers", T_INT, 1, 1, 3, NULL},
        {"vat", T_QTY2, 1, 0, 10000, NULL}, /* percent: 20 or 20,00; kept in basis points */
        {"vat_included", T_INT, 1, 0, 1, NULL},
        {"month_days", T_QTY1, 0, 0, 400, NULL}, /* 30.5: limits prorated by days / 30.5 */
        {"tier", T_INT, 1, 1, 3, NULL},
        {"zone", T_INT, 1, 1, 3, NULL},
        {"price", T_PRICE, 1, 0, MONEY_MAX *PRICE_PER_MINOR, NULL},
        {"limit_gas", T_QTY3, 0, 0, 1000000000000LL, NULL},
        {"limit_gas_alone", T_QTY3, 0, 0, 1000000000000LL, NULL},
        {"limit_estove", T_QTY3, 0, 0, 1000000000000LL, NULL},
        {"limit_estove_alone", T_QTY3, 0, 0, 1000000000000LL, NULL},
        {"vat_by_date", T_INT, 0, 0, 1, NULL},         /* 1: the rate of each day (sql/022) */
        {"limit_per_household", T_INT, 0, 0, 1, NULL}, /* 1: the home's limits, not a resident's */
};

/* Limits the tariffs file's four household columns cannot say (sql/041). */
static const struct col tariff_limits_cols[] = {
        {"plan", T_CODE, 1, 1, 32, NULL},
        {"valid_from", T_DATE, 1, 0, 0, NULL},
        {"household", T_CHOICE, 1, 0, 0, households},
        {"residents", T_INT, 0, 0, 3, NULL}, /* 3: three or more; 0 or empty: any number */
        {"season", T_CHOICE, 0, 0, 0, seasons},
        {"tier", T_INT, 1, 1, 2, NULL}, /* the last tier has no upper bound */
        {"limit", T_QTY3, 1, 0, 1000000000000LL, NULL},
};

/* A charge's volumes by zone and tier, after the charges file (sql/045). */
static const struct col charge_lines_cols[] = {
        {"account", T_NUMBER, 1, 1, 20, NULL},
        {"service", T_CODE, 1, 1, 32, NULL},
        {"period", T_MONTH, 1, 0, 0, NULL},
        {"zone", T_INT, 0, 1, 3, NULL}, /* empty: not by zone */
        {"tier", T_INT, 0, 1, 3, NULL}, /* empty: not by tier */
        {"quantity", T_QTY3, 1, -1000000000000LL, 1000000000000LL, NULL},
        {"rate", T_PRICE, 1, 0, MONEY_MAX *PRICE_PER_MINOR, NULL},
        {"charge", T_MONEY, 1, -MONEY_MAX, MONEY_MAX, NULL},
};

/* An internet connection, the detail that makes a service internet access (sql/054). */
static const struct col connections_cols[] = {
        {"account", T_NUMBER, 1, 1, 20, NULL},
        {"service", T_CODE, 1, 1, 32, NULL},
        {"plan", T_TEXT, 1, 1, 100, NULL},
        {"speed_kbps", T_INT, 1, 1, 100000000, NULL},
        {"monthly_fee", T_MONEY, 1, 0, MONEY_MAX, NULL},
        {"login", T_TEXT, 1, 1, 64, NULL},
        {"ip_address", T_TEXT, 0, 2, 45, NULL},
        {"state", T_CHOICE, 1, 0, 0, line_states},
};

/* A protected object, the detail that makes a service alarm monitoring (sql/055). */
static const struct col objects_cols[] = {
        {"account", T_NUMBER, 1, 1, 20, NULL},       {"service", T_CODE, 1, 1, 32, NULL},
        {"address", T_TEXT, 1, 2, 300, NULL},        {"type", T_TEXT, 1, 1, 100, NULL},
        {"state", T_CHOICE, 1, 0, 0, object_states},
};
/* The object's panel's events, by the monitoring system's own ids; times in UTC. */
static const struct col events_cols[] = {
        {"account", T_NUMBER, 1, 1, 20, NULL},
        {"service", T_CODE, 1, 1, 32, NULL},
        {"id", T_TEXT, 1, 1, 64, NULL},
        {"at", T_STAMP, 1, 0, 0, NULL},
        {"event", T_CHOICE, 1, 0, 0, object_events},
        {"zone", T_TEXT, 0, 1, 100, NULL},
        {"who", T_TEXT, 0, 1, 100, NULL},
};

/* A line's use, by the billing system's own ids; times in UTC (sql/056). */
static const struct col usage_cols[] = {
        {"account", T_NUMBER, 1, 1, 20, NULL},
        {"service", T_CODE, 1, 1, 32, NULL},
        {"id", T_TEXT, 1, 1, 64, NULL},
        {"kind", T_CHOICE, 1, 0, 0, usage_kinds},
        {"started_at", T_STAMP, 1, 0, 0, NULL},
        {"ended_at", T_STAMP, 1, 0, 0, NULL},
        {"number", T_TEXT, 0, 1, 32, NULL}, /* a call's other party */
        {"bytes_in", T_INT, 0, 0, 1000000000000000LL, NULL},
        {"bytes_out", T_INT, 0, 0, 1000000000000000LL, NULL},
        {"cost", T_MONEY, 0, 0, MONEY_MAX, NULL}, /* empty: within the plan */
};

static const struct {
	const char *name;
	const struct col *cols;
	size_t n;
} kinds[SK__N] = {
#define K(e, n, c) [e] = {n, c, sizeof(c) / sizeof(c[0])}
        K(SK_ACCOUNTS, "accounts", accounts_cols),
        K(SK_SERVICES, "services", services_cols),
        K(SK_METERS, "meters", meters_cols),
        K(SK_CHARGES, "charges", charges_cols),
        K(SK_PAYMENTS, "payments", payments_cols),
        K(SK_READINGS, "readings", readings_cols),
        K(SK_TARIFFS, "tariffs", tariffs_cols),
        K(SK_TARIFF_LIMITS, "tariff_limits", tariff_limits_cols),
        K(SK_CHARGE_LINES, "charge_lines", charge_lines_cols),
        K(SK_CONNECTIONS, "connections", connections_cols),
        K(SK_OBJECTS, "objects", objects_cols),
        K(SK_EVENTS, "events", events_cols),
        K(SK_USAGE, "usage", usage_cols),
#undef K
};

const char *exchange_kind_name(enum stage_kind k)
{
	return kinds[k].name;
}

int exchange_kind(const char *name)
{
	int k;

	for (k = 0; k < SK__N; k++)
		if (name != NULL && strcmp(name, kinds[k].name) == 0)
			return k;
	return -1;
}

const char *const *exchange_columns(enum stage_kind k, size_t *n)
{
	static const char *names[SK__N][24];
	size_t i;

	for (i = 0; i < kinds[k].n; i++)
		names[k][i] = kinds[k].cols[i].name;
	*n = kinds[k].n;
	return names[k];
}

const struct col *exchange_cols(enum stage_kind k, size_t *n)
{
	*n = kinds[k].n;
	return kinds[k].cols;
}
