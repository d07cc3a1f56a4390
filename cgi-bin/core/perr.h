/* core/perr.h: the error values every call returns. */
#ifndef CORE_PERR_H
#define CORE_PERR_H

enum perr {
	PERR_OK = 0,
	PERR_NOMEM,     /* allocation failed or the request arena is full */
	PERR_TOO_LARGE, /* input over a hard limit */
	PERR_BAD_INPUT, /* malformed input: encoding, syntax */
	PERR_NOT_FOUND, /* no such row */
	PERR_CONFLICT,  /* a unique key already holds that value */
	PERR_DB,        /* the database answered with an error */
	PERR_DB_DOWN,   /* the database cannot be reached */
	PERR_SYS,       /* an operating-system call failed */
	PERR_BUSY,      /* a lock wait or deadlock: the transaction may be retried */
	PERR_UPSTREAM,  /* the payment provider cannot be reached or refused the call */
	PERR__MAX
};

const char *perr_str(enum perr);

#endif
