/* perr.c: names of the library's error values, for logs. */

#include "core/perr.h"

const char *perr_str(enum perr e)
{
	static const char *const names[PERR__MAX] = {
		"ok", "out of memory", "input too large", "malformed input", "not found",
		"conflict", "database error", "database unavailable", "system error",
		"lock conflict", "payment provider unavailable",
	};

	return (unsigned)e < PERR__MAX ? names[e] : "unknown error";
}
